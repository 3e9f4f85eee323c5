import { defineK8sRule } from '../../define.js';
import { usesUserNamespace } from '../helpers.js';
import { procMountViolations } from './proc-mount.js';
import { pssAtLeast } from './pss-version.js';

/** From this policy version on, baseline allows any procMount in a pod with `hostUsers: false`. */
const USER_NAMESPACE_EXEMPT_SINCE = '1.35';

export const pssProcMount = defineK8sRule({
  meta: {
    id: 'KPG105',
    name: 'pss-proc-mount',
    severity: 'high',
    title: 'Unmasked /proc mount',
    description:
      'Pod Security Standards baseline, /proc Mount Type: `securityContext.procMount` of every container must be unset or `Default` — except in a pod with `hostUsers: false`, whose user namespace makes an unmasked /proc safe at baseline (policy version 1.35+). The restricted level (KPG115) has no such exception.',
    rationale:
      "The default /proc masks hide kernel interfaces (/proc/kcore, /proc/sysrq-trigger, ...) that a container running in the host's user namespace could abuse.",
    fix: 'Remove `securityContext.procMount`, or run the pod in a user namespace (`spec.hostUsers: false`).',
    pss: {
      level: 'baseline',
      control: '/proc Mount Type',
      check: 'procMount',
      since: '1.0',
      changes: [
        { version: USER_NAMESPACE_EXEMPT_SINCE, change: 'pods with `hostUsers: false` are exempt' },
      ],
    },
    references: ['KSV027'],
  },
  check: (resource, _options, context) =>
    resource.pod &&
    !(pssAtLeast(context, USER_NAMESPACE_EXEMPT_SINCE) && usesUserNamespace(resource.pod))
      ? procMountViolations(resource)
      : [],
});
