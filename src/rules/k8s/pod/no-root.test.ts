import { POD_CONTAINER_LINE, pod, ruleTester } from '../../../../test/support/rules.js';
import { noRoot } from './no-root.js';

ruleTester(noRoot, {
  valid: [
    {
      name: 'pod-level true',
      code: pod({
        spec: `
          securityContext:
            runAsNonRoot: true
        `,
      }),
    },
    {
      name: 'container-level true',
      code: pod({
        container: `
          securityContext:
            runAsNonRoot: true
        `,
      }),
    },
    {
      name: 'pod-level true overridden by a container (Trivy passes it)',
      code: pod({
        spec: `
          securityContext:
            runAsNonRoot: true
        `,
        container: `
          securityContext:
            runAsNonRoot: false
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
          message: "Container 'app' of Pod 'p' should set 'securityContext.runAsNonRoot' to true",
        },
      ],
    },
    {
      name: 'false on the container',
      code: pod({
        container: `
          securityContext:
            runAsNonRoot: false  # <-
        `,
      }),
      errors: [
        { message: "Container 'app' of Pod 'p' should set 'securityContext.runAsNonRoot' to true" },
      ],
    },
    {
      name: 'false on the pod, inherited',
      code: pod({
        spec: `
          securityContext:
            runAsNonRoot: false  # <-
        `,
      }),
      errors: [
        { message: "Container 'app' of Pod 'p' should set 'securityContext.runAsNonRoot' to true" },
      ],
    },
  ],
});
