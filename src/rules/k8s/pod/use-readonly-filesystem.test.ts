import { pod, ruleTester } from '../../../../test/support/rules.js';
import { useReadonlyFilesystem } from './use-readonly-filesystem.js';

ruleTester(useReadonlyFilesystem, {
  valid: [
    {
      name: 'true',
      code: pod({
        container: `
          securityContext:
            readOnlyRootFilesystem: true
        `,
      }),
    },
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
            "Container 'app' of Pod 'p' should set 'securityContext.readOnlyRootFilesystem' to true",
        },
      ],
    },
    {
      name: 'false',
      code: pod({
        container: `
          securityContext:
            readOnlyRootFilesystem: false  # <-
        `,
      }),
      errors: [
        {
          message:
            "Container 'app' of Pod 'p' should set 'securityContext.readOnlyRootFilesystem' to true",
        },
      ],
    },
  ],
});
