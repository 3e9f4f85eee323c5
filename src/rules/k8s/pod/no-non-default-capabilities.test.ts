import { pod, ruleTester } from '../../../../test/support/rules.js';
import { noNonDefaultCapabilities } from './no-non-default-capabilities.js';

ruleTester(noNonDefaultCapabilities, {
  valid: [
    {
      name: 'empty add',
      code: pod({
        container: `
          securityContext:
            capabilities:
              add: []
        `,
      }),
    },
    {
      name: 'drop only',
      code: pod({
        container: `
          securityContext:
            capabilities:
              drop: [ALL]
        `,
      }),
    },
  ],
  invalid: [
    {
      name: 'any add (even a default capability)',
      code: pod({
        container: `
          securityContext:
            capabilities:
              add: [CHOWN]  # <-
        `,
      }),
      errors: [
        { message: "Container 'app' of Pod 'p' should not set 'securityContext.capabilities.add'" },
      ],
    },
  ],
});
