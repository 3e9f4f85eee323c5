import { pod, ruleTester } from '../../../../test/support/rules.js';
import { noNetRaw } from './no-net-raw.js';

ruleTester(noNetRaw, {
  valid: [
    {
      name: 'NET_RAW dropped',
      code: pod({
        container: `
          securityContext:
            capabilities:
              drop: [NET_RAW]
        `,
      }),
    },
  ],
  invalid: [
    {
      name: 'NET_RAW added',
      code: pod({
        container: `
          securityContext:
            capabilities:
              add:
                - NET_RAW  # <-
        `,
      }),
      errors: [
        {
          message:
            "Container 'app' of Pod 'p' should not include 'NET_RAW' in 'securityContext.capabilities.add'",
        },
      ],
    },
  ],
});
