import { pod, ruleTester } from '../../../../test/support/rules.js';
import { pssProcMount } from './pss-proc-mount.js';

ruleTester(pssProcMount, {
  valid: [
    {
      name: 'Default',
      code: pod({
        container: `
          securityContext:
            procMount: Default
        `,
      }),
    },
    {
      name: 'Unmasked with hostUsers: false',
      code: pod({
        spec: 'hostUsers: false',
        container: `
          securityContext:
            procMount: Unmasked
        `,
      }),
    },
  ],
  invalid: [
    {
      name: 'Unmasked',
      code: pod({
        spec: 'hostUsers: true',
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
