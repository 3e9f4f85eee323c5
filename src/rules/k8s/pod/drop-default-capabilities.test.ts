import { POD_CONTAINER_LINE, pod, ruleTester } from '../../../../test/support/rules.js';
import { dropDefaultCapabilities } from './drop-default-capabilities.js';

ruleTester(dropDefaultCapabilities, {
  valid: [
    {
      name: 'drop ALL',
      code: pod({
        container: `
          securityContext:
            capabilities:
              drop: [ALL]
        `,
      }),
    },
    {
      name: 'drop all, lower case',
      code: pod({
        container: `
          securityContext:
            capabilities:
              drop: [NET_RAW, all]
        `,
      }),
    },
  ],
  invalid: [
    {
      name: 'no securityContext',
      code: pod(),
      errors: [
        {
          line: POD_CONTAINER_LINE,
          message:
            "Container 'app' of Pod 'p' should add 'ALL' to 'securityContext.capabilities.drop'",
        },
      ],
    },
    {
      name: 'drop without ALL',
      code: pod({
        container: `
          securityContext:
            capabilities:
              drop: [NET_RAW]  # <-
        `,
      }),
      errors: [
        {
          message:
            "Container 'app' of Pod 'p' should add 'ALL' to 'securityContext.capabilities.drop'",
        },
      ],
    },
  ],
});
