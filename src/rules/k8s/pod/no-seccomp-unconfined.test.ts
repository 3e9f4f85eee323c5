import { POD_CONTAINER_LINE, pod, ruleTester } from '../../../../test/support/rules.js';
import { noSeccompUnconfined } from './no-seccomp-unconfined.js';

ruleTester(noSeccompUnconfined, {
  valid: [
    {
      name: 'pod RuntimeDefault',
      code: pod({
        spec: `
          securityContext:
            seccompProfile:
              type: RuntimeDefault
        `,
      }),
    },
    {
      name: 'annotation runtime/default',
      code: pod({
        metadata: `
          annotations:
            container.seccomp.security.alpha.kubernetes.io/app: runtime/default
        `,
      }),
    },
  ],
  invalid: [
    {
      name: 'unset (Trivy counts it as unconfined)',
      code: pod(),
      errors: [
        {
          line: POD_CONTAINER_LINE,
          message: "Container 'app' of Pod 'p' should specify a seccomp profile",
        },
      ],
    },
    {
      name: 'container Unconfined over a pod RuntimeDefault',
      code: pod({
        spec: `
          securityContext:
            seccompProfile:
              type: RuntimeDefault
        `,
        container: `
          securityContext:
            seccompProfile:
              type: Unconfined  # <-
        `,
      }),
      errors: [{ message: "Container 'app' of Pod 'p' should specify a seccomp profile" }],
    },
    {
      name: 'unconfined annotation',
      code: pod({
        metadata: `
          annotations:
            container.seccomp.security.alpha.kubernetes.io/app: unconfined  # <-
        `,
      }),
      errors: [{ message: "Container 'app' of Pod 'p' should specify a seccomp profile" }],
    },
  ],
});
