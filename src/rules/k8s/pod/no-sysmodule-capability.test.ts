import { pod, ruleTester, workload } from '../../../../test/support/rules.js';
import { noSysmoduleCapability } from './no-sysmodule-capability.js';

ruleTester(noSysmoduleCapability, {
  valid: [{ name: 'no capabilities', code: pod() }],
  invalid: [
    {
      name: 'SYS_MODULE added',
      code: workload('Deployment', {
        container: `
          securityContext:
                capabilities:
                  add:
                    - SYS_MODULE  # <-
        `,
      }),
      errors: [
        {
          message:
            "Container 'app' of Deployment 'd' should not include 'SYS_MODULE' in 'securityContext.capabilities.add'",
        },
      ],
    },
  ],
});
