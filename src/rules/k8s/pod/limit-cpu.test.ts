import { POD_CONTAINER_LINE, pod, ruleTester } from '../../../../test/support/rules.js';
import { limitCpu } from './limit-cpu.js';

ruleTester(limitCpu, {
  valid: [
    {
      name: 'set',
      code: pod({
        container: `
          resources:
            limits:
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
          message: "Container 'app' of Pod 'p' should set 'resources.limits.cpu'",
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
              limits:
                memory: 1
        `,
      }),
      errors: [{ message: "Container 'app' of Pod 'p' should set 'resources.limits.cpu'" }],
    },
  ],
});
