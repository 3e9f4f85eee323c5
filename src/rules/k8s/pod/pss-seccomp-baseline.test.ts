import { pod, ruleTester } from '../../../../test/support/rules.js';
import { pssSeccompBaseline } from './pss-seccomp-baseline.js';

ruleTester(pssSeccompBaseline, {
  valid: [
    { name: 'unset', code: pod() },
    {
      name: 'RuntimeDefault',
      code: pod({
        container: `
          securityContext:
            seccompProfile:
              type: RuntimeDefault
        `,
      }),
    },
  ],
  invalid: [
    {
      name: 'pod Unconfined',
      code: pod({
        spec: `
          securityContext:
            seccompProfile:  # <-
              type: Unconfined
        `,
      }),
      errors: [
        { message: "Pod 'p' must not set 'securityContext.seccompProfile.type' to 'Unconfined'" },
      ],
    },
    {
      name: 'container Unconfined',
      code: pod({
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
