import { defineK8sRule } from '../../define.js';
import type { K8sViolation } from '../../types.js';
import { isObject } from '../../../sources/resource.js';
import { describe, listAt, podSecurityContext } from '../helpers.js';
import { SAFE_SYSCTLS_1_32 } from './sysctls.js';

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
  check: (resource) => {
    const pod = resource.pod;
    if (!pod) return [];
    const violations: K8sViolation[] = [];
    listAt(podSecurityContext(pod), 'sysctls').forEach((sysctl, index) => {
      const name = isObject(sysctl) ? sysctl.name : undefined;
      if (ALLOWED.has(name)) return;
      violations.push({
        message: `${describe(resource)} has disallowed sysctl '${String(name)}' and must only use allowed sysctls`,
        path: [...pod.specPath, 'securityContext', 'sysctls', index],
      });
    });
    return violations;
  },
});
