import { POD_CONTAINER_LINE, pod, ruleTester } from '../../../../test/support/rules.js';
import { useHighUid } from './use-high-uid.js';

ruleTester(useHighUid, {
  valid: [
    {
      name: 'container above 10000',
      code: pod({
        container: `
          securityContext:
            runAsUser: 10001
        `,
      }),
    },
    {
      name: 'inherited from the pod',
      code: pod({
        spec: `
          securityContext:
            runAsUser: 20000
        `,
      }),
    },
    {
      name: 'container overrides a low pod value',
      code: pod({
        spec: `
          securityContext:
            runAsUser: 1000
        `,
        container: `
          securityContext:
            runAsUser: 10001
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
          message: "Container 'app' of Pod 'p' should set 'securityContext.runAsUser' > 10000",
        },
      ],
    },
    {
      name: 'low on the container',
      code: pod({
        container: `
          securityContext:
            runAsUser: 1000  # <-
        `,
      }),
      errors: [
        { message: "Container 'app' of Pod 'p' should set 'securityContext.runAsUser' > 10000" },
      ],
    },
    {
      name: 'low on the pod, inherited',
      code: pod({
        spec: `
          securityContext:
            runAsUser: 0  # <-
        `,
      }),
      errors: [
        { message: "Container 'app' of Pod 'p' should set 'securityContext.runAsUser' > 10000" },
      ],
    },
  ],
});
