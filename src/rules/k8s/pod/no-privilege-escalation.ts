import { defineK8sRule } from '../../define.js';
import { containerViolations, describe, field } from '../helpers.js';

export const noPrivilegeEscalation = defineK8sRule({
  meta: {
    id: 'KSV001',
    name: 'no-privilege-escalation',
    trivyId: 'kubernetes-no-self-privesc',
    severity: 'medium',
    title: 'Can elevate its own privileges',
    description:
      'Every container must set `securityContext.allowPrivilegeEscalation: false`; unset means allowed.',
    rationale:
      'A process that can gain more privileges than its parent (through setuid binaries or file capabilities) turns a compromised container into a stronger foothold.',
    fix: '```yaml\ncontainers:\n  - name: app\n    securityContext:\n      allowPrivilegeEscalation: false\n```',
    references: [
      // Trivy does not exempt Windows pods; the PSS control is KPG110 pss-privilege-escalation.
      'KPG110',
    ],
  },
  check: (resource) =>
    containerViolations(resource, (entry) => {
      const value = field(entry.container, 'securityContext', 'allowPrivilegeEscalation');
      if (value === false) return undefined;
      return {
        message: `${describe(resource, entry)} should set 'securityContext.allowPrivilegeEscalation' to false`,
        path:
          value === undefined
            ? entry.path
            : [...entry.path, 'securityContext', 'allowPrivilegeEscalation'],
      };
    }),
});
