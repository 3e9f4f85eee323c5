import { pod, ruleTester } from '../../../../test/support/rules.js';
import { pssRunningAsNonRoot } from './pss-running-as-non-root.js';

ruleTester(pssRunningAsNonRoot, {
  valid: [
    {
      name: 'pod true',
      code: pod({
        spec: `
          securityContext:
            runAsNonRoot: true
        `,
      }),
    },
    {
      name: 'every container true',
      code: pod({
        container: `
          securityContext:
            runAsNonRoot: true
        `,
      }),
    },
    { name: 'hostUsers: false', code: pod({ spec: 'hostUsers: false' }) },
  ],
  invalid: [
    {
      name: 'unset',
      code: pod({
        containers: `
          - name: app  # <-
            image: nginx:1.27
        `,
      }),
      errors: [
        {
          message:
            "Container 'app' of Pod 'p' should set 'securityContext.runAsNonRoot' to true (or the pod should)",
        },
      ],
    },
    {
      name: 'pod false with containers true',
      code: pod({
        spec: `
          securityContext:
            runAsNonRoot: false  # <-
        `,
        container: `
          securityContext:
            runAsNonRoot: true
        `,
      }),
      errors: [{ message: "Pod 'p' must not set 'securityContext.runAsNonRoot' to false" }],
    },
    {
      name: 'container false over pod true',
      code: pod({
        spec: `
          securityContext:
            runAsNonRoot: true
        `,
        container: `
          securityContext:
            runAsNonRoot: false  # <-
        `,
      }),
      errors: [
        {
          message:
            "Container 'app' of Pod 'p' must not set 'securityContext.runAsNonRoot' to false",
        },
      ],
    },
  ],
});
