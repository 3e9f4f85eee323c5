import { defineK8sRule } from '../../define.js';
import { describe } from '../helpers.js';
import { disallowedSysctls, SAFE_SYSCTLS_1_32 } from './sysctls.js';

// Trivy evaluates against the 1.32 list when no Kubernetes version is given.
const ALLOWED: ReadonlySet<unknown> = new Set(SAFE_SYSCTLS_1_32);

export const noUnsafeSysctl = defineK8sRule({
  meta: {
    id: 'KSV026',
    name: 'no-unsafe-sysctl',
    trivyId: 'kubernetes-no-unsafe-sysctl',
    severity: 'medium',
    title: 'Unsafe sysctl options set',
    description:
      "`spec.securityContext.sysctls` may only name the safe sysctls of Pod Security Admission's 1.32 list (Trivy's default). The PSS control (KPG107) uses the latest list.",
    rationale:
      'Sysctls outside the safe, namespaced set can disable security mechanisms or change kernel behaviour for every pod on the node.',
    fix: 'Remove the sysctl, or set it on dedicated nodes through the kubelet `--allowed-unsafe-sysctls` flag and a separate policy.',
    references: ['KPG107'],
  },
  check: (resource) =>
    disallowedSysctls(
      resource,
      ALLOWED,
      (name) =>
        `${describe(resource)} has disallowed sysctl '${name}' and must only use allowed sysctls`,
    ),
});
