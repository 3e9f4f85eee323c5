import { pod, ruleTester } from '../../../../test/support/rules.js';
import { pssProcMountRestricted } from './pss-proc-mount-restricted.js';

ruleTester(pssProcMountRestricted, {
  valid: [
    {
      name: 'Default with hostUsers: false',
      code: pod({
        spec: 'hostUsers: false',
        container: `
          securityContext:
            procMount: Default
        `,
      }),
    },
  ],
  invalid: [
    {
      name: 'Unmasked with hostUsers: false',
      code: pod({
        spec: 'hostUsers: false',
        container: `
          securityContext:
            procMount: Unmasked  # <-
        `,
      }),
      errors: [
        {
          message:
            "Container 'app' of Pod 'p' must not set 'securityContext.procMount' to 'Unmasked'",
        },
      ],
    },
  ],
});
