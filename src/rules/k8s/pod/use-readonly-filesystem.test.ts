import { POD_CONTAINER_LINE, pod, ruleTester } from '../../../../test/support/rules.js';
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
      code: pod(),
      errors: [
        {
          line: POD_CONTAINER_LINE,
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
