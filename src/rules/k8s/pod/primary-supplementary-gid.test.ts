import { pod, ruleTester } from '../../../../test/support/rules.js';
import { primarySupplementaryGid } from './primary-supplementary-gid.js';

ruleTester(primarySupplementaryGid, {
  valid: [
    {
      name: 'non-root groups',
      code: pod({
        spec: `
          securityContext:
            runAsGroup: 1000
            fsGroup: 1000
            supplementalGroups: [1000]
        `,
      }),
    },
  ],
  invalid: [
    {
      name: 'root groups',
      code: pod({
        spec: `
          securityContext:
            runAsGroup: 0  # <-
            fsGroup: 0  # <-
            supplementalGroups:
              - 5
              - 0  # <-
        `,
      }),
      errors: [
        {
          message:
            "Pod 'p' should set spec.securityContext.runAsGroup, spec.securityContext.supplementalGroups[*] and spec.securityContext.fsGroup to integer greater than 0",
        },
        {
          message:
            "Pod 'p' should set spec.securityContext.runAsGroup, spec.securityContext.supplementalGroups[*] and spec.securityContext.fsGroup to integer greater than 0",
        },
        {
          message:
            "Pod 'p' should set spec.securityContext.runAsGroup, spec.securityContext.supplementalGroups[*] and spec.securityContext.fsGroup to integer greater than 0",
        },
      ],
    },
  ],
});
