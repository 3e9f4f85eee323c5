import { defineK8sRule } from '../../define.js';
import { procMountViolations } from './proc-mount.js';

export const pssProcMountRestricted = defineK8sRule({
  meta: {
    id: 'KPG115',
    name: 'pss-proc-mount-restricted',
    severity: 'medium',
    title: 'Unmasked /proc mount (restricted)',
    description:
      'Pod Security Standards restricted, /proc Mount Type: `securityContext.procMount` of every container must be unset or `Default`, even in a pod with `hostUsers: false` (the restricted level withdraws the baseline relaxation, policy version 1.35+).',
    rationale:
      'Restricted keeps the /proc masks even for user-namespaced pods: they hide kernel interfaces the workload has no need for.',
    fix: 'Remove `securityContext.procMount`.',
    pss: {
      level: 'restricted',
      control: '/proc Mount Type',
      check: 'procMount_restricted',
      // Before, the baseline check (KPG105) had no exemption and served restricted too.
      since: '1.35',
      overrides: ['procMount'],
    },
    references: ['KSV027'],
  },
  check: (resource) => procMountViolations(resource),
});
