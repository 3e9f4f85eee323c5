import { pod, ruleTester } from '../../../../test/support/rules.js';
import { dropUnusedCapabilities } from './drop-unused-capabilities.js';

ruleTester(dropUnusedCapabilities, {
  valid: [
    {
      name: 'drops something',
      code: pod({
        container: `
          securityContext:
            capabilities:
              drop: [NET_RAW]
        `,
      }),
    },
    {
      name: 'drops an empty list',
      code: pod({
        container: `
          securityContext:
            capabilities:
              drop: []
        `,
      }),
    },
  ],
  invalid: [
    {
      name: 'no drop',
      code: pod({
        containers: `
          - name: app  # <-
            image: nginx:1.27
            securityContext:
              capabilities:
                add: [CHOWN]
        `,
      }),
      errors: [
        { message: "Container 'app' of Pod 'p' should set 'securityContext.capabilities.drop'" },
      ],
    },
    {
      name: 'init container without securityContext',
      code: pod({
        spec: `
          initContainers:
            - name: init  # <-
              image: busybox:1.36
        `,
        container: `
          securityContext:
            capabilities:
              drop: [ALL]
        `,
      }),
      errors: [
        {
          message:
            "Init container 'init' of Pod 'p' should set 'securityContext.capabilities.drop'",
        },
      ],
    },
  ],
});
