import { defineK8sRule } from '../../define.js';
import {
  containerViolations,
  describe,
  effectiveSecurityContextValue,
  objectAt,
} from '../helpers.js';

const CONTAINER_ANNOTATION_PREFIX = 'container.seccomp.security.alpha.kubernetes.io/';

export const noSeccompUnconfined = defineK8sRule({
  meta: {
    id: 'KSV104',
    name: 'no-seccomp-unconfined',
    trivyId: 'kubernetes-no-seccomp-unconfined',
    severity: 'medium',
    title: 'Seccomp policies disabled',
    description:
      "Every container must have a seccomp profile that is not `Unconfined`: its own `securityContext.seccompProfile.type`, else the pod's, else the legacy `container.seccomp.security.alpha.kubernetes.io/<container>` annotation. Trivy's reading: no profile at all counts as unconfined; the PSS baseline control (KPG106) only forbids an explicit `Unconfined`.",
    rationale:
      'Unconfined seccomp lets a container make every system call, including those most kernel exploits need; the runtime default profile blocks them at no cost to ordinary workloads.',
    fix: '```yaml\nspec:\n  securityContext:\n    seccompProfile:\n      type: RuntimeDefault\n```',
    references: ['KPG106'],
  },
  check: (resource) => {
    const pod = resource.pod;
    if (!pod) return [];
    const annotations = objectAt(pod.metadata, 'annotations');
    return containerViolations(resource, (entry) => {
      const effective = effectiveSecurityContextValue(pod, entry, 'seccompProfile', 'type');
      const annotationKey = CONTAINER_ANNOTATION_PREFIX + entry.name;
      const annotation = annotations?.[annotationKey];
      const type = effective?.value ?? annotation ?? '';
      if (typeof type === 'string' && type !== '' && type.toLowerCase() !== 'unconfined') {
        return undefined;
      }
      return {
        message: `${describe(resource, entry)} should specify a seccomp profile`,
        path:
          effective?.path ??
          (annotation !== undefined && annotation !== null
            ? [...pod.metadataPath, 'annotations', annotationKey]
            : entry.path),
      };
    });
  },
});
