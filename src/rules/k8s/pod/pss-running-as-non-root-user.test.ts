import { pod, ruleTester } from '../../../../test/support/rules.js';
import { pssRunningAsNonRootUser } from './pss-running-as-non-root-user.js';

ruleTester(pssRunningAsNonRootUser, {
  valid: [
    {
      name: 'non-zero',
      code: pod({
        container: `
          securityContext:
            runAsUser: 1000
        `,
      }),
    },
    {
      name: 'zero with hostUsers: false',
      code: pod({
        spec: 'hostUsers: false',
        container: `
          securityContext:
            runAsUser: 0
        `,
      }),
    },
  ],
  invalid: [
    {
      name: 'pod zero',
      code: pod({
        spec: `
          securityContext:
            runAsUser: 0  # <-
        `,
        container: `
          securityContext:
            runAsUser: 1000
        `,
      }),
      errors: [{ message: "Pod 'p' must not set 'securityContext.runAsUser' to 0" }],
    },
    {
      name: 'container zero',
      code: pod({
        container: `
          securityContext:
            runAsUser: 0  # <-
        `,
      }),
      errors: [
        { message: "Container 'app' of Pod 'p' must not set 'securityContext.runAsUser' to 0" },
      ],
    },
  ],
});
