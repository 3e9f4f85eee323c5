import { pod, ruleTester } from '../../../../test/support/rules.js';
import { noCustomProcMask } from './no-custom-proc-mask.js';

ruleTester(noCustomProcMask, {
  valid: [
    {
      name: 'unset',
      code: pod({
        container: `
          securityContext:
            privileged: false
        `,
      }),
    },
  ],
  invalid: [
    {
      name: 'Unmasked',
      code: pod({
        container: `
          securityContext:
            procMount: Unmasked  # <-
        `,
      }),
      errors: [
        { message: "Container 'app' of Pod 'p' should not set 'securityContext.procMount'" },
      ],
    },
    {
      name: 'Default (Trivy flags any value)',
      code: pod({
        container: `
          securityContext:
            procMount: Default  # <-
        `,
      }),
      errors: [
        { message: "Container 'app' of Pod 'p' should not set 'securityContext.procMount'" },
      ],
    },
  ],
});
