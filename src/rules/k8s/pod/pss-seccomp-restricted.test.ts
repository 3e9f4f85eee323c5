import { pod, ruleTester } from '../../../../test/support/rules.js';
import { pssSeccompRestricted } from './pss-seccomp-restricted.js';

ruleTester(pssSeccompRestricted, {
  valid: [
    {
      name: 'pod RuntimeDefault',
      code: pod({
        spec: `
          securityContext:
            seccompProfile:
              type: RuntimeDefault
        `,
      }),
    },
    {
      name: 'every container Localhost',
      code: pod({
        container: `
          securityContext:
            seccompProfile:
              type: Localhost
              localhostProfile: p.json
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
      name: 'unset',
      code: pod({
        containers: `
          - name: app  # <-
            image: nginx:1.27
        `,
      }),
      errors: [
        {
          message:
            "Container 'app' of Pod 'p' should set 'securityContext.seccompProfile.type' to 'RuntimeDefault' or 'Localhost' (or the pod should)",
        },
      ],
    },
    {
      name: 'pod Unconfined even when containers set RuntimeDefault',
      code: pod({
        spec: `
          securityContext:
            seccompProfile:  # <-
              type: Unconfined
        `,
        container: `
          securityContext:
            seccompProfile:
              type: RuntimeDefault
        `,
      }),
      errors: [
        { message: "Pod 'p' must not set 'securityContext.seccompProfile.type' to 'Unconfined'" },
      ],
    },
    {
      name: 'container Unconfined',
      code: pod({
        spec: `
          securityContext:
            seccompProfile:
              type: RuntimeDefault
        `,
        container: `
          securityContext:
            seccompProfile:  # <-
              type: Unconfined
        `,
      }),
      errors: [
        {
          message:
            "Container 'app' of Pod 'p' must not set 'securityContext.seccompProfile.type' to 'Unconfined'",
        },
      ],
    },
  ],
});
