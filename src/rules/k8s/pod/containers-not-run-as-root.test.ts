import { pod, ruleTester } from '../../../../test/support/rules.js';
import { containersNotRunAsRoot } from './containers-not-run-as-root.js';

ruleTester(containersNotRunAsRoot, {
  valid: [
    { name: 'unset', code: pod() },
    {
      name: 'non-zero',
      code: pod({
        spec: `
          securityContext:
            runAsUser: 1000
        `,
        container: `
          securityContext:
            runAsUser: 1000
        `,
      }),
    },
  ],
  invalid: [
    {
      name: 'pod level',
      code: pod({
        spec: `
          securityContext:
            runAsUser: 0  # <-
        `,
      }),
      errors: [
        { message: "Pod 'p': securityContext.runAsUser should be set to a value greater than 0" },
      ],
    },
    {
      name: 'container level, even with hostUsers: false',
      code: pod({
        spec: 'hostUsers: false',
        container: `
          securityContext:
            runAsUser: 0  # <-
        `,
      }),
      errors: [
        {
          message:
            "Container 'app' of Pod 'p': securityContext.runAsUser should be set to a value greater than 0",
        },
      ],
    },
  ],
});
