import { pod, ruleTester } from '../../../../test/support/rules.js';
import { pssApparmor } from './pss-apparmor.js';

ruleTester(pssApparmor, {
  valid: [
    {
      name: 'localhost annotation',
      code: pod({
        metadata: `
          annotations:
            container.apparmor.security.beta.kubernetes.io/app: localhost/custom
        `,
      }),
    },
    {
      name: 'RuntimeDefault and Localhost fields',
      code: pod({
        spec: `
          securityContext:
            appArmorProfile:
              type: RuntimeDefault
        `,
        container: `
          securityContext:
            appArmorProfile:
              type: Localhost
              localhostProfile: custom
        `,
      }),
    },
  ],
  invalid: [
    {
      name: 'unconfined annotation for any container',
      code: pod({
        metadata: `
          annotations:
            container.apparmor.security.beta.kubernetes.io/other: unconfined  # <-
        `,
      }),
      errors: [
        {
          message:
            "Pod 'p' must not set annotation 'container.apparmor.security.beta.kubernetes.io/other' to 'unconfined'",
        },
      ],
    },
    {
      name: 'Unconfined field',
      code: pod({
        spec: `
          securityContext:
            appArmorProfile:  # <-
              type: Unconfined
        `,
        container: `
          securityContext:
            appArmorProfile:  # <-
              type: Unconfined
        `,
      }),
      errors: [
        { message: "Pod 'p' must not set 'securityContext.appArmorProfile.type' to 'Unconfined'" },
        {
          message:
            "Container 'app' of Pod 'p' must not set 'securityContext.appArmorProfile.type' to 'Unconfined'",
        },
      ],
    },
  ],
});
