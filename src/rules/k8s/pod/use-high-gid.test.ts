import { POD_CONTAINER_LINE, pod, ruleTester } from '../../../../test/support/rules.js';
import { useHighGid } from './use-high-gid.js';

ruleTester(useHighGid, {
  valid: [
    {
      name: 'container above 10000',
      code: pod({
        container: `
          securityContext:
            runAsGroup: 10001
        `,
      }),
    },
    {
      name: 'inherited from the pod',
      code: pod({
        spec: `
          securityContext:
            runAsGroup: 20000
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
          message: "Container 'app' of Pod 'p' should set 'securityContext.runAsGroup' > 10000",
        },
      ],
    },
    {
      name: 'low on the container',
      code: pod({
        container: `
          securityContext:
            runAsGroup: 10000  # <-
        `,
      }),
      errors: [
        { message: "Container 'app' of Pod 'p' should set 'securityContext.runAsGroup' > 10000" },
      ],
    },
  ],
});
