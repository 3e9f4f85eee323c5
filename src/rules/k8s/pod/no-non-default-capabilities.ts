import { defineK8sRule } from '../../define.js';
import { containerViolations, describe } from '../helpers.js';
import { addedCapabilities } from './capabilities.js';

export const noNonDefaultCapabilities = defineK8sRule({
  meta: {
    id: 'KSV022',
    name: 'no-non-default-capabilities',
    trivyId: 'kubernetes-no-non-default-capabilities',
    severity: 'medium',
    title: 'Specific capabilities added',
    description:
      "No container may add any capability in `securityContext.capabilities.add` (Trivy's reading; the PSS baseline control, KPG101, allows the 13 default capabilities).",
    rationale:
      'Every added capability widens what a compromised process may do in the kernel; adding none beyond the defaults keeps the container close to an ordinary user process.',
    fix: '```yaml\ncontainers:\n  - name: app\n    securityContext:\n      capabilities:\n        drop: ["ALL"]\n        # no add: list\n```',
    references: ['KPG101'],
  },
  check: (resource) =>
    containerViolations(resource, (entry) => {
      const [first] = addedCapabilities(entry);
      if (!first) return undefined;
      return {
        message: `${describe(resource, entry)} should not set 'securityContext.capabilities.add'`,
        path: [...entry.path, 'securityContext', 'capabilities', 'add'],
      };
    }),
});
