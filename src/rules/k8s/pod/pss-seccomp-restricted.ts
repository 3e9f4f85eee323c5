import { defineK8sRule } from '../../define.js';
import type { K8sViolation } from '../../types.js';
import {
  containerSecurityContext,
  describe,
  isWindowsPod,
  objectAt,
  podSecurityContext,
} from '../helpers.js';
import { pssAtLeast } from './pss-version.js';

const VALID_TYPES: ReadonlySet<unknown> = new Set(['RuntimeDefault', 'Localhost']);

/** From this policy version on, Windows pods (`spec.os.name: windows`) are exempt: the API server
 *  rejects the field on them. */
const WINDOWS_EXEMPT_SINCE = '1.25';

export const pssSeccompRestricted = defineK8sRule({
  meta: {
    id: 'KPG113',
    name: 'pss-seccomp-restricted',
    severity: 'medium',
    title: 'Seccomp profile not required',
    description:
      'Pod Security Standards restricted, Seccomp: `securityContext.seccompProfile.type` must be `RuntimeDefault` or `Localhost` on the pod, or on every container that does not inherit a valid pod-level profile; any profile given (pod or container) must be one of those two. Windows pods (`spec.os.name: windows`) are exempt (policy version 1.25+). From policy version 1.19 (the seccompProfile field); it replaces the baseline control (KPG106) at the restricted level.',
    rationale:
      'Requiring a seccomp profile removes the system calls a container never needs and most kernel exploits use.',
    fix: '```yaml\nspec:\n  securityContext:\n    seccompProfile:\n      type: RuntimeDefault\n```',
    pss: {
      level: 'restricted',
      control: 'Seccomp',
      check: 'seccompProfile_restricted',
      since: '1.19',
      changes: [{ version: WINDOWS_EXEMPT_SINCE, change: 'Windows pods are exempt' }],
      overrides: ['seccompProfile_baseline'],
    },
    references: ['KSV030'],
  },
  check: (resource, _options, context) => {
    const pod = resource.pod;
    if (!pod || (pssAtLeast(context, WINDOWS_EXEMPT_SINCE) && isWindowsPod(pod))) return [];
    const violations: K8sViolation[] = [];
    const podProfile = objectAt(podSecurityContext(pod), 'seccompProfile');
    const podValid = podProfile !== undefined && VALID_TYPES.has(podProfile.type);
    if (podProfile && !podValid) {
      violations.push({
        message: `${describe(resource)} must not set 'securityContext.seccompProfile.type' to '${String(podProfile.type ?? '')}'`,
        path: [...pod.specPath, 'securityContext', 'seccompProfile'],
      });
    }
    for (const entry of pod.containers) {
      const profile = objectAt(containerSecurityContext(entry), 'seccompProfile');
      if (profile ? VALID_TYPES.has(profile.type) : podValid) continue;
      violations.push({
        message: profile
          ? `${describe(resource, entry)} must not set 'securityContext.seccompProfile.type' to '${String(profile.type ?? '')}'`
          : `${describe(resource, entry)} should set 'securityContext.seccompProfile.type' to 'RuntimeDefault' or 'Localhost' (or the pod should)`,
        path: profile ? [...entry.path, 'securityContext', 'seccompProfile'] : entry.path,
        container: entry.name,
      });
    }
    return violations;
  },
});
