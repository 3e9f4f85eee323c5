import { defineK8sRule } from '../../define.js';
import { describe } from '../helpers.js';
import { disallowedSysctls, SAFE_SYSCTLS_1_37 } from './sysctls.js';

const ALLOWED: ReadonlySet<unknown> = new Set(SAFE_SYSCTLS_1_37);

export const pssSysctls = defineK8sRule({
  meta: {
    id: 'KPG107',
    name: 'pss-sysctls',
    severity: 'high',
    title: 'Unsafe sysctls set',
    description: `Pod Security Standards baseline, Sysctls: every name in \`spec.securityContext.sysctls\` must be one of the safe sysctls of the latest policy version (1.37): ${SAFE_SYSCTLS_1_37.map((name) => `\`${name}\``).join(', ')}.`,
    rationale:
      'Sysctls outside the safe, namespaced set can disable security mechanisms or change kernel behaviour for every pod on the node.',
    fix: 'Remove the sysctl, or run the workload on dedicated nodes that allow it explicitly (kubelet `--allowed-unsafe-sysctls`) under a separate policy.',
    pss: { level: 'baseline', control: 'Sysctls' },
    references: [
      'https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline',
      'KSV026',
    ],
  },
  check: (resource) =>
    disallowedSysctls(
      resource,
      ALLOWED,
      (name) => `${describe(resource)} must not set sysctl '${name}'`,
    ),
});
