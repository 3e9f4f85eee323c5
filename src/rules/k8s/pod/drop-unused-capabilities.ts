import type { K8sRule } from '../../types.js';
import {
  containerSecurityContext,
  containerViolations,
  describe,
  objectAt,
  trivyAliases,
} from '../helpers.js';

export const dropUnusedCapabilities: K8sRule = {
  meta: {
    target: 'kubernetes',
    id: 'KSV004',
    name: 'drop-unused-capabilities',
    aliases: trivyAliases('KSV004', 'kubernetes-drop-unused-capabilities'),
    severity: 'low',
    title: 'Default capabilities: some containers do not drop any',
    description: 'Every container must set `securityContext.capabilities.drop` (to any list).',
    rationale:
      'Security best practice is to run with the minimal capabilities required; a container that drops none keeps the whole default set.',
    fix: '```yaml\ncontainers:\n  - name: app\n    securityContext:\n      capabilities:\n        drop: ["ALL"]\n```',
    references: ['https://avd.aquasec.com/misconfig/ksv004'],
  },
  check: (resource) =>
    containerViolations(resource, (entry) => {
      const capabilities = objectAt(containerSecurityContext(entry), 'capabilities');
      if (capabilities?.drop !== undefined && capabilities.drop !== null) return undefined;
      return {
        message: `${describe(resource, entry)} should set 'securityContext.capabilities.drop'`,
        path: entry.path,
      };
    }),
};
