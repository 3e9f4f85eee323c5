import { defineK8sRule } from '../../define.js';
import { capabilityAddedViolations } from './capabilities.js';

export const noSysadminCapability = defineK8sRule({
  meta: {
    id: 'KSV005',
    name: 'no-sysadmin-capability',
    trivyId: 'kubernetes-no-sysadmin-capability',
    severity: 'high',
    title: 'SYS_ADMIN capability added',
    description: 'No container may add `SYS_ADMIN` in `securityContext.capabilities.add`.',
    rationale:
      'SYS_ADMIN allows mounting filesystems, changing namespaces and much more: its holder is effectively root on the node.',
    fix: '```yaml\ncontainers:\n  - name: app\n    securityContext:\n      capabilities:\n        drop: ["ALL"]   # and do not add SYS_ADMIN\n```',
    references: ['KPG101'],
  },
  check: (resource) => capabilityAddedViolations(resource, 'SYS_ADMIN'),
});
