import { defineK8sRule } from '../../define.js';
import { containerSecurityContext, containerViolations, describe, objectAt } from '../helpers.js';

export const dropUnusedCapabilities = defineK8sRule({
  meta: {
    id: 'KSV004',
    name: 'drop-unused-capabilities',
    trivyId: 'kubernetes-drop-unused-capabilities',
    severity: 'low',
    title: 'Default capabilities: some containers do not drop any',
    description: 'Every container must set `securityContext.capabilities.drop` (to any list).',
    rationale:
      'Security best practice is to run with the minimal capabilities required; a container that drops none keeps the whole default set.',
    fix: '```yaml\ncontainers:\n  - name: app\n    securityContext:\n      capabilities:\n        drop: ["ALL"]\n```',
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
});
