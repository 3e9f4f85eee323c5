import { defineK8sRule } from '../../define.js';
import { containerSecurityContext, containerViolations, describe } from '../helpers.js';

export const noCustomProcMask = defineK8sRule({
  meta: {
    id: 'KSV027',
    name: 'no-custom-proc-mask',
    trivyId: 'kubernetes-no-custom-proc-mask',
    severity: 'medium',
    title: 'Non-default /proc masks set',
    description:
      "No container may set `securityContext.procMount` (Trivy's reading: even `Default`; the PSS control, KPG105/KPG115, allows `Default`, and `Unmasked` at baseline for `hostUsers: false` pods).",
    rationale:
      'The default /proc masks hide kernel interfaces a container has no business with; `Unmasked` exposes them.',
    fix: 'Remove `securityContext.procMount`.',
    references: ['KPG105', 'KPG115'],
  },
  check: (resource) =>
    containerViolations(resource, (entry) => {
      const value = containerSecurityContext(entry)?.procMount;
      if (value === undefined || value === null) return undefined;
      return {
        message: `${describe(resource, entry)} should not set 'securityContext.procMount'`,
        path: [...entry.path, 'securityContext', 'procMount'],
      };
    }),
});
