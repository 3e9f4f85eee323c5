import { defineK8sRule } from '../../define.js';
import { usesUserNamespace } from '../helpers.js';
import { procMountViolations } from './proc-mount.js';

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
    pss: { level: 'baseline', control: '/proc Mount Type' },
    references: [
      'https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline',
      'KSV027',
    ],
  },
  check: (resource) =>
    resource.pod && !usesUserNamespace(resource.pod) ? procMountViolations(resource) : [],
});
