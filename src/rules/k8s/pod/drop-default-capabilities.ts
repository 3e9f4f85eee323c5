import { defineK8sRule } from '../../define.js';
import {
  containerSecurityContext,
  containerViolations,
  describe,
  listAt,
  objectAt,
} from '../helpers.js';

export const dropDefaultCapabilities = defineK8sRule({
  meta: {
    id: 'KSV003',
    name: 'drop-default-capabilities',
    trivyId: 'kubernetes-drop-default-capabilities',
    severity: 'low',
    title: 'Default capabilities: some containers do not drop all',
    description:
      'Every container must list `ALL` (any case) in `securityContext.capabilities.drop`.',
    rationale:
      'The default capability set (NET_RAW, CHOWN, SETUID, ...) is more than most processes need; dropping all and adding back only what is required shrinks what an attacker inherits.',
    fix: '```yaml\ncontainers:\n  - name: app\n    securityContext:\n      capabilities:\n        drop: ["ALL"]\n```',
    references: ['KPG114'],
  },
  check: (resource) =>
    containerViolations(resource, (entry) => {
      const capabilities = objectAt(containerSecurityContext(entry), 'capabilities');
      const drop = listAt(capabilities, 'drop');
      if (drop.some((cap) => typeof cap === 'string' && cap.toLowerCase() === 'all'))
        return undefined;
      return {
        message: `${describe(resource, entry)} should add 'ALL' to 'securityContext.capabilities.drop'`,
        path: capabilities?.drop
          ? [...entry.path, 'securityContext', 'capabilities', 'drop']
          : entry.path,
      };
    }),
});
