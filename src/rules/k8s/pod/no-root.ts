import { defineK8sRule } from '../../define.js';
import {
  containerViolations,
  describe,
  effectiveSecurityContextValue,
  podSecurityContext,
} from '../helpers.js';

export const noRoot = defineK8sRule({
  meta: {
    id: 'KSV012',
    name: 'no-root',
    trivyId: 'kubernetes-no-root',
    severity: 'medium',
    title: 'Runs as root user',
    description:
      "Unless the pod sets `spec.securityContext.runAsNonRoot: true`, every container must have `runAsNonRoot: true` (its own or inherited from the pod). Trivy's reading: a pod-level `true` passes even a container that overrides it with `false`; the PSS control (KPG111) does not.",
    rationale:
      'A container running as root is one kernel or runtime bug away from root on the node; `runAsNonRoot` makes the kubelet refuse to start an image that would run as UID 0.',
    fix: '```yaml\nspec:\n  securityContext:\n    runAsNonRoot: true\n    runAsUser: 10001\n```',
    references: ['KPG111'],
  },
  check: (resource) => {
    const pod = resource.pod;
    const podValue = pod && podSecurityContext(pod)?.runAsNonRoot;
    // Trivy skips the pod when its runAsNonRoot is set to anything but false.
    if (!pod || (podValue !== undefined && podValue !== null && podValue !== false)) return [];
    return containerViolations(resource, (entry) => {
      const effective = effectiveSecurityContextValue(pod, entry, 'runAsNonRoot');
      if (effective?.value === true) return undefined;
      return {
        message: `${describe(resource, entry)} should set 'securityContext.runAsNonRoot' to true`,
        path: effective?.path ?? entry.path,
      };
    });
  },
});
