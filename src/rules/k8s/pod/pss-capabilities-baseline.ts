import { defineK8sRule } from '../../define.js';
import { containerViolations, describe } from '../helpers.js';
import { findAddedCapability } from './capabilities.js';

/** The capabilities a container runtime grants by default, which baseline lets a container add. */
const BASELINE_CAPABILITIES: ReadonlySet<unknown> = new Set([
  'AUDIT_WRITE',
  'CHOWN',
  'DAC_OVERRIDE',
  'FOWNER',
  'FSETID',
  'KILL',
  'MKNOD',
  'NET_BIND_SERVICE',
  'SETFCAP',
  'SETGID',
  'SETPCAP',
  'SETUID',
  'SYS_CHROOT',
]);

export const pssCapabilitiesBaseline = defineK8sRule({
  meta: {
    id: 'KPG101',
    name: 'pss-capabilities-baseline',
    severity: 'high',
    title: 'Capabilities beyond the default set added',
    description:
      'Pod Security Standards baseline, Capabilities: every capability in `securityContext.capabilities.add` of every init, regular and ephemeral container must be one of AUDIT_WRITE, CHOWN, DAC_OVERRIDE, FOWNER, FSETID, KILL, MKNOD, NET_BIND_SERVICE, SETFCAP, SETGID, SETPCAP, SETUID, SYS_CHROOT (exact spelling: no `CAP_` prefix, upper case).',
    rationale:
      'Capabilities beyond the runtime default set (SYS_ADMIN, NET_ADMIN, SYS_PTRACE, NET_RAW, ...) are the usual building blocks of container escapes.',
    fix: '```yaml\ncontainers:\n  - name: app\n    securityContext:\n      capabilities:\n        drop: ["ALL"]\n        add: ["NET_BIND_SERVICE"]   # only default capabilities\n```',
    pss: {
      level: 'baseline',
      control: 'Capabilities',
      check: 'capabilities_baseline',
      since: '1.0',
    },
    references: ['KSV022', 'KSV005', 'KSV119', 'KSV120'],
  },
  check: (resource) =>
    containerViolations(resource, (entry) => {
      const added = findAddedCapability(entry, (name) => !BASELINE_CAPABILITIES.has(name));
      if (!added) return undefined;
      return {
        message: `${describe(resource, entry)} must not include '${String(added.name)}' in 'securityContext.capabilities.add'`,
        path: [...entry.path, 'securityContext', 'capabilities', 'add', added.index],
      };
    }),
});
