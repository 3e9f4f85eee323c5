import { POD_CONTAINER_LINE, pod, ruleTester } from '../../../../test/support/rules.js';
import { limitMemory } from './limit-memory.js';

ruleTester(limitMemory, {
  valid: [
    {
      name: 'set',
      code: pod({
        container: `
          resources:
            limits:
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
          message: "Container 'app' of Pod 'p' should set 'resources.limits.memory'",
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
              limits:
                cpu: 1
        `,
      }),
      errors: [{ message: "Container 'app' of Pod 'p' should set 'resources.limits.memory'" }],
    },
  ],
});
