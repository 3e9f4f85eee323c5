import { POD_CONTAINER_LINE, pod, ruleTester } from '../../../../test/support/rules.js';
import { noUnspecifiedCpuRequests } from './no-unspecified-cpu-requests.js';

ruleTester(noUnspecifiedCpuRequests, {
  valid: [
    {
      name: 'set',
      code: pod({
        container: `
          resources:
            requests:
              cpu: 1
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
          message: "Container 'app' of Pod 'p' should set 'resources.requests.cpu'",
        },
      ],
    },
    {
      name: 'only memory set',
      code: pod({
        containers: `
          - name: app  # <-
            image: nginx:1.27
            resources:
              requests:
                memory: 1
        `,
      }),
      errors: [{ message: "Container 'app' of Pod 'p' should set 'resources.requests.cpu'" }],
    },
  ],
});
