import { defineK8sRule } from '../../define.js';
import type { K8sViolation } from '../../types.js';
import { containerSecurityContext, describe, objectAt, podSecurityContext } from '../helpers.js';

const VALID_TYPES: ReadonlySet<unknown> = new Set(['RuntimeDefault', 'Localhost']);

export const pssSeccompBaseline = defineK8sRule({
  meta: {
    id: 'KPG106',
    name: 'pss-seccomp-baseline',
    severity: 'high',
    title: 'Seccomp profile set to Unconfined',
    description:
      'Pod Security Standards baseline, Seccomp: `securityContext.seccompProfile.type` of the pod and of every container, when a profile is given, must be `RuntimeDefault` or `Localhost` (so `Unconfined` is forbidden; no profile at all is allowed at baseline).',
    rationale:
      'An Unconfined seccomp profile lets the container make every system call, including those most kernel exploits go through.',
    fix: '```yaml\nspec:\n  securityContext:\n    seccompProfile:\n      type: RuntimeDefault\n```',
    pss: { level: 'baseline', control: 'Seccomp' },
    references: [
      'https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline',
      'KSV104',
    ],
  },
  check: (resource) => {
    const pod = resource.pod;
    if (!pod) return [];
    const violations: K8sViolation[] = [];
    const podProfile = objectAt(podSecurityContext(pod), 'seccompProfile');
    if (podProfile && !VALID_TYPES.has(podProfile.type)) {
      violations.push({
        message: `${describe(resource)} must not set 'securityContext.seccompProfile.type' to '${String(podProfile.type ?? '')}'`,
        path: [...pod.specPath, 'securityContext', 'seccompProfile'],
      });
    }
    for (const entry of pod.containers) {
      const profile = objectAt(containerSecurityContext(entry), 'seccompProfile');
      if (!profile || VALID_TYPES.has(profile.type)) continue;
      violations.push({
        message: `${describe(resource, entry)} must not set 'securityContext.seccompProfile.type' to '${String(profile.type ?? '')}'`,
        path: [...entry.path, 'securityContext', 'seccompProfile'],
        container: entry.name,
      });
    }
    return violations;
  },
});
