import { defineK8sRule } from '../../define.js';
import {
  containerSecurityContext,
  containerViolations,
  describe,
  isWindowsPod,
} from '../helpers.js';

export const pssPrivilegeEscalation = defineK8sRule({
  meta: {
    id: 'KPG110',
    name: 'pss-privilege-escalation',
    severity: 'medium',
    title: 'Privilege escalation allowed',
    description:
      'Pod Security Standards restricted, Privilege Escalation: every init, regular and ephemeral container must set `securityContext.allowPrivilegeEscalation: false`. Windows pods (`spec.os.name: windows`) are exempt.',
    rationale:
      'With privilege escalation allowed, setuid binaries and file capabilities let a process gain more privileges than its parent.',
    fix: '```yaml\ncontainers:\n  - name: app\n    securityContext:\n      allowPrivilegeEscalation: false\n```',
    pss: { level: 'restricted', control: 'Privilege Escalation' },
    references: [
      'https://kubernetes.io/docs/concepts/security/pod-security-standards/#restricted',
      'KSV001',
    ],
  },
  check: (resource) => {
    if (!resource.pod || isWindowsPod(resource.pod)) return [];
    return containerViolations(resource, (entry) => {
      const value = containerSecurityContext(entry)?.allowPrivilegeEscalation;
      if (value === false) return undefined;
      return {
        message: `${describe(resource, entry)} must set 'securityContext.allowPrivilegeEscalation' to false`,
        path:
          value === undefined || value === null
            ? entry.path
            : [...entry.path, 'securityContext', 'allowPrivilegeEscalation'],
      };
    });
  },
});
