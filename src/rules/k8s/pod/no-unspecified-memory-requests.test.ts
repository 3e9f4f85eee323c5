import { POD_CONTAINER_LINE, pod, ruleTester } from '../../../../test/support/rules.js';
import { noUnspecifiedMemoryRequests } from './no-unspecified-memory-requests.js';

ruleTester(noUnspecifiedMemoryRequests, {
  valid: [
    {
      name: 'set',
      code: pod({
        container: `
          resources:
            requests:
              memory: 1
        `,
      }),
    },
  ],
  invalid: [
    {
      name: 'unset',
      code: pod(),
      errors: [
        {
          line: POD_CONTAINER_LINE,
          message: "Container 'app' of Pod 'p' should set 'resources.requests.memory'",
        },
      ],
    },
    {
      name: 'only cpu set',
      code: pod({
        containers: `
          - name: app  # <-
            image: nginx:1.27
            resources:
              requests:
                cpu: 1
        `,
      }),
      errors: [{ message: "Container 'app' of Pod 'p' should set 'resources.requests.memory'" }],
    },
  ],
});
