import type { K8sRule } from '../../types.js';
import {
  containerSecurityContext,
  containerViolations,
  describe,
  trivyAliases,
} from '../helpers.js';

export const noCustomProcMask: K8sRule = {
  meta: {
    target: 'kubernetes',
    id: 'KSV027',
    name: 'no-custom-proc-mask',
    aliases: trivyAliases('KSV027', 'kubernetes-no-custom-proc-mask'),
    severity: 'medium',
    title: 'Non-default /proc masks set',
    description:
      "No container may set `securityContext.procMount` (Trivy's reading: even `Default`; the PSS control, KPG105/KPG115, allows `Default`, and `Unmasked` at baseline for `hostUsers: false` pods).",
    rationale:
      'The default /proc masks hide kernel interfaces a container has no business with; `Unmasked` exposes them.',
    fix: 'Remove `securityContext.procMount`.',
    references: ['https://avd.aquasec.com/misconfig/ksv027', 'KPG105', 'KPG115'],
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
};
