// The sysctls Pod Security Admission's baseline policy allows, by the policy version that added
// them (k8s.io/pod-security-admission policy/check_sysctls.go), and the check KSV026 and KPG107
// share: every sysctl a pod sets must be on one of these lists.
import { isObject, type K8sResource } from '../../../sources/resource.js';
import type { K8sViolation } from '../../types.js';
import { listAt, podSecurityContext } from '../helpers.js';
import { pssMinor } from './pss-version.js';
/** The sysctls each policy version added to the safe list, oldest first. */
export const SAFE_SYSCTLS_ADDED: readonly { version: string; names: readonly string[] }[] = [
  {
    version: '1.0',
    names: [
      'kernel.shm_rmid_forced',
      'net.ipv4.ip_local_port_range',
      'net.ipv4.ip_unprivileged_port_start',
      'net.ipv4.tcp_syncookies',
      'net.ipv4.ping_group_range',
    ],
  },
  { version: '1.27', names: ['net.ipv4.ip_local_reserved_ports'] },
  {
    version: '1.29',
    names: [
      'net.ipv4.tcp_keepalive_time',
      'net.ipv4.tcp_fin_timeout',
      'net.ipv4.tcp_keepalive_intvl',
      'net.ipv4.tcp_keepalive_probes',
    ],
  },
  { version: '1.32', names: ['net.ipv4.tcp_rmem', 'net.ipv4.tcp_wmem'] },
  { version: '1.37', names: ['net.ipv4.tcp_slow_start_after_idle', 'net.ipv4.tcp_notsent_lowat'] },
];

/** The safe sysctls of policy version 1.`minor` (every later version keeps the earlier ones). */
export function safeSysctlsAt(minor: number): string[] {
  return SAFE_SYSCTLS_ADDED.filter(({ version }) => pssMinor(version) <= minor).flatMap(
    ({ names }) => names,
  );
}

export const SAFE_SYSCTLS_1_32 = safeSysctlsAt(32);

/** A violation for each `spec.securityContext.sysctls` entry whose name is not `allowed`,
 *  worded by `message` and placed on the entry. */
export function disallowedSysctls(
  resource: K8sResource,
  allowed: ReadonlySet<unknown>,
  message: (name: string) => string,
): K8sViolation[] {
  const pod = resource.pod;
  if (!pod) return [];
  const violations: K8sViolation[] = [];
  listAt(podSecurityContext(pod), 'sysctls').forEach((sysctl, index) => {
    const name = isObject(sysctl) ? sysctl.name : undefined;
    if (allowed.has(name)) return;
    violations.push({
      message: message(String(name)),
      path: [...pod.specPath, 'securityContext', 'sysctls', index],
    });
  });
  return violations;
}
