import { pod, ruleTester } from '../../../../test/support/rules.js';
import { pssCapabilitiesRestricted } from './pss-capabilities-restricted.js';

ruleTester(pssCapabilitiesRestricted, {
  valid: [
    {
      name: 'drop ALL, add NET_BIND_SERVICE',
      code: pod({
        container: `
          securityContext:
            capabilities:
              drop: [ALL]
              add: [NET_BIND_SERVICE]
        `,
      }),
    },
    {
      name: 'a Windows pod',
      code: pod({
        spec: `
          os:
            name: windows
        `,
      }),
    },
  ],
  invalid: [
    {
      name: 'no capabilities',
      code: pod({
        containers: `
          - name: app  # <-
            image: nginx:1.27
        `,
      }),
      errors: [
        {
          message:
            "Container 'app' of Pod 'p' must set 'securityContext.capabilities.drop' to [\"ALL\"]",
        },
      ],
    },
    {
      name: 'lower-case all',
      code: pod({
        container: `
          securityContext:
            capabilities:
              drop: [all]  # <-
        `,
      }),
      errors: [
        {
          message:
            "Container 'app' of Pod 'p' must set 'securityContext.capabilities.drop' to [\"ALL\"]",
        },
      ],
    },
    {
      name: 'adds CHOWN',
      code: pod({
        container: `
          securityContext:
            capabilities:
              drop: [ALL]
              add:
                - CHOWN  # <-
        `,
      }),
      errors: [{ message: "Container 'app' of Pod 'p' must not add capability 'CHOWN'" }],
    },
  ],
});
