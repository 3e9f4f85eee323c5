import { defineK8sRule } from '../../define.js';
import { describe } from '../helpers.js';
import { disallowedSysctls, SAFE_SYSCTLS_ADDED, safeSysctlsAt } from './sysctls.js';
import { pssMinor } from './pss-version.js';

const list = (names: readonly string[]) => names.map((name) => `\`${name}\``).join(', ');

/** The allowed set of each policy version, built once: minor -> set (the newest for any later). */
const allowedAt = new Map<number, ReadonlySet<unknown>>();
function allowed(minor: number): ReadonlySet<unknown> {
  const newest = pssMinor(SAFE_SYSCTLS_ADDED.at(-1)!.version);
  const key = Math.min(minor, newest);
  let set = allowedAt.get(key);
  if (!set) allowedAt.set(key, (set = new Set(safeSysctlsAt(key))));
  return set;
}

export const pssSysctls = defineK8sRule({
  meta: {
    id: 'KPG107',
    name: 'pss-sysctls',
    severity: 'high',
    title: 'Unsafe sysctls set',
    description: `Pod Security Standards baseline, Sysctls: every name in \`spec.securityContext.sysctls\` must be one of the safe sysctls of the policy version: ${SAFE_SYSCTLS_ADDED.map(({ version, names }) => `${list(names)} (${version === '1.0' ? 'all versions' : `from ${version}`})`).join(', ')}. In the packs the version is the target Kubernetes version (\`kubernetesVersion\`).`,
    rationale:
      'Sysctls outside the safe, namespaced set can disable security mechanisms or change kernel behaviour for every pod on the node.',
    fix: 'Remove the sysctl, or run the workload on dedicated nodes that allow it explicitly (kubelet `--allowed-unsafe-sysctls`) under a separate policy.',
    pss: {
      level: 'baseline',
      control: 'Sysctls',
      check: 'sysctls',
      since: SAFE_SYSCTLS_ADDED[0].version,
      changes: SAFE_SYSCTLS_ADDED.slice(1).map(({ version, names }) => ({
        version,
        change: `allows ${list(names)}`,
      })),
    },
    references: ['KSV026'],
  },
  check: (resource, _options, context) =>
    disallowedSysctls(
      resource,
      allowed(context?.pssVersion ?? Number.POSITIVE_INFINITY),
      (name) => `${describe(resource)} must not set sysctl '${name}'`,
    ),
});
