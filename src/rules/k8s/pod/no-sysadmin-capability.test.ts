import { pod, ruleTester } from '../../../../test/support/rules.js';
import { noSysadminCapability } from './no-sysadmin-capability.js';

ruleTester(noSysadminCapability, {
  valid: [
    {
      name: 'other capabilities',
      code: pod({
        container: `
          securityContext:
            capabilities:
              add: [NET_BIND_SERVICE]
        `,
      }),
    },
    {
      name: 'sys_admin in lower case (Trivy compares exactly)',
      code: pod({
        container: `
          securityContext:
            capabilities:
              add: [sys_admin]
        `,
      }),
    },
  ],
  invalid: [
    {
      name: 'SYS_ADMIN added',
      code: pod({
        container: `
          securityContext:
            capabilities:
              add:
                - CHOWN
                - SYS_ADMIN  # <-
        `,
      }),
      errors: [
        {
          message:
            "Container 'app' of Pod 'p' should not include 'SYS_ADMIN' in 'securityContext.capabilities.add'",
        },
      ],
    },
  ],
});
