import { pod, ruleTester } from '../../../../test/support/rules.js';
import { pssPrivilegeEscalation } from './pss-privilege-escalation.js';

ruleTester(pssPrivilegeEscalation, {
  valid: [
    {
      name: 'false',
      code: pod({
        container: `
          securityContext:
            allowPrivilegeEscalation: false
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
      name: 'unset on an ephemeral container',
      code: pod({
        spec: `
          ephemeralContainers:
            - name: debug  # <-
              image: busybox:1.36
        `,
        container: `
          securityContext:
            allowPrivilegeEscalation: false
        `,
      }),
      errors: [
        {
          message:
            "Ephemeral container 'debug' of Pod 'p' must set 'securityContext.allowPrivilegeEscalation' to false",
        },
      ],
    },
    {
      name: 'true',
      code: pod({
        spec: `
          os:
            name: linux
        `,
        container: `
          securityContext:
            allowPrivilegeEscalation: true  # <-
        `,
      }),
      errors: [
        {
          message:
            "Container 'app' of Pod 'p' must set 'securityContext.allowPrivilegeEscalation' to false",
        },
      ],
    },
  ],
});
