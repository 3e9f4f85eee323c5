import { defineK8sRule } from '../../define.js';
import {
  containerSecurityContext,
  containerViolations,
  describe,
  isWindowsPod,
} from '../helpers.js';
import { pssAtLeast } from './pss-version.js';

/** From this policy version on, Windows pods (`spec.os.name: windows`) are exempt: the API server
 *  rejects the field on them. */
const WINDOWS_EXEMPT_SINCE = '1.25';

export const pssPrivilegeEscalation = defineK8sRule({
  meta: {
    id: 'KPG110',
    name: 'pss-privilege-escalation',
    severity: 'medium',
    title: 'Privilege escalation allowed',
    description:
      'Pod Security Standards restricted, Privilege Escalation: every init, regular and ephemeral container must set `securityContext.allowPrivilegeEscalation: false`. Windows pods (`spec.os.name: windows`) are exempt (policy version 1.25+).',
    rationale:
      'With privilege escalation allowed, setuid binaries and file capabilities let a process gain more privileges than its parent.',
    fix: '```yaml\ncontainers:\n  - name: app\n    securityContext:\n      allowPrivilegeEscalation: false\n```',
    pss: {
      level: 'restricted',
      control: 'Privilege Escalation',
      check: 'allowPrivilegeEscalation',
      // The field exists since Kubernetes 1.8.
      since: '1.8',
      changes: [{ version: WINDOWS_EXEMPT_SINCE, change: 'Windows pods are exempt' }],
    },
    references: ['KSV001'],
  },
  check: (resource, _options, context) => {
    if (!resource.pod) return [];
    if (pssAtLeast(context, WINDOWS_EXEMPT_SINCE) && isWindowsPod(resource.pod)) return [];
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
