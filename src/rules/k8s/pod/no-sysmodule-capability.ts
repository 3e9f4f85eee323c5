import { defineK8sRule } from '../../define.js';
import { capabilityAddedViolations } from './capabilities.js';

export const noSysmoduleCapability = defineK8sRule({
  meta: {
    id: 'KSV120',
    name: 'no-sysmodule-capability',
    trivyId: 'kubernetes-no-sysmodule-capability',
    severity: 'high',
    title: 'SYS_MODULE capability added',
    description: 'No container may add `SYS_MODULE` in `securityContext.capabilities.add`.',
    rationale:
      "SYS_MODULE lets a process load kernel modules: arbitrary code in the node's kernel.",
    fix: '```yaml\ncontainers:\n  - name: app\n    securityContext:\n      capabilities:\n        drop: ["ALL"]   # and do not add SYS_MODULE\n```',
    references: ['KPG101'],
  },
  check: (resource) => capabilityAddedViolations(resource, 'SYS_MODULE'),
});
