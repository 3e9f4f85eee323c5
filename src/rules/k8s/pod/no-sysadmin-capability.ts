import type { K8sRule } from '../../types.js';
import { trivyAliases } from '../helpers.js';
import { capabilityAddedViolations } from './capabilities.js';

export const noSysadminCapability: K8sRule = {
  meta: {
    target: 'kubernetes',
    id: 'KSV005',
    name: 'no-sysadmin-capability',
    aliases: trivyAliases('KSV005', 'kubernetes-no-sysadmin-capability'),
    severity: 'high',
    title: 'SYS_ADMIN capability added',
    description: 'No container may add `SYS_ADMIN` in `securityContext.capabilities.add`.',
    rationale:
      'SYS_ADMIN allows mounting filesystems, changing namespaces and much more: its holder is effectively root on the node.',
    fix: '```yaml\ncontainers:\n  - name: app\n    securityContext:\n      capabilities:\n        drop: ["ALL"]   # and do not add SYS_ADMIN\n```',
    references: ['https://avd.aquasec.com/misconfig/ksv005', 'KPG101'],
  },
  check: (resource) => capabilityAddedViolations(resource, 'SYS_ADMIN'),
};
