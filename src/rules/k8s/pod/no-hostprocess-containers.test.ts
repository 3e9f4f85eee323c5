import { pod, ruleTester } from '../../../../test/support/rules.js';
import { noHostprocessContainers } from './no-hostprocess-containers.js';

ruleTester(noHostprocessContainers, {
  valid: [
    {
      name: 'false',
      code: pod({
        spec: `
          securityContext:
            windowsOptions:
              hostProcess: false
        `,
        container: `
          securityContext:
            windowsOptions:
              hostProcess: false
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
            windowsOptions:
              hostProcess: true  # <-
        `,
      }),
      errors: [
        { message: "Pod 'p' should not set 'securityContext.windowsOptions.hostProcess' to true" },
      ],
    },
    {
      name: 'container level',
      code: pod({
        container: `
          securityContext:
            windowsOptions:
              hostProcess: true  # <-
        `,
      }),
      errors: [
        {
          message:
            "Container 'app' of Pod 'p' should not set 'securityContext.windowsOptions.hostProcess' to true",
        },
      ],
    },
  ],
});
