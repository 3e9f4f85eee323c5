import { defineK8sRule } from '../../define.js';
import type { K8sViolation } from '../../types.js';
import {
  containerViolations,
  describe,
  effectiveSecurityContextValue,
  objectAt,
} from '../helpers.js';

const POD_ANNOTATION = 'seccomp.security.alpha.kubernetes.io/pod';
const VALID_TYPES: ReadonlySet<unknown> = new Set(['RuntimeDefault', 'Localhost']);

export const useDefaultSeccomp = defineK8sRule({
  meta: {
    id: 'KSV030',
    name: 'use-default-seccomp',
    trivyId: 'kubernetes-use-default-seccomp',
    severity: 'low',
    title: 'Runtime/Default Seccomp profile not set',
    description:
      "Every container's effective `securityContext.seccompProfile.type` (its own, else the pod's) must be `RuntimeDefault` or `Localhost`; a legacy `seccomp.security.alpha.kubernetes.io/pod` annotation, when present, must be `runtime/default` and then stands for the fields. Trivy's reading: a pod-level `Unconfined` overridden by every container passes, and Windows pods are not exempt; the PSS control (KPG113) differs on both.",
    rationale:
      'Without a seccomp profile a container may call every system call, including the rarely used ones most kernel exploits go through.',
    fix: '```yaml\nspec:\n  securityContext:\n    seccompProfile:\n      type: RuntimeDefault\n```',
    references: ['KPG113'],
  },
  check: (resource) => {
    const pod = resource.pod;
    if (!pod) return [];
    const annotation = objectAt(pod.metadata, 'annotations')?.[POD_ANNOTATION];
    if (annotation !== undefined && annotation !== null) {
      if (annotation === 'runtime/default') return [];
      const violation: K8sViolation = {
        message: `${describe(resource)} should set '${POD_ANNOTATION}' to 'runtime/default'`,
        path: [...pod.metadataPath, 'annotations', POD_ANNOTATION],
      };
      return [violation];
    }
    return containerViolations(resource, (entry) => {
      const effective = effectiveSecurityContextValue(pod, entry, 'seccompProfile', 'type');
      if (VALID_TYPES.has(effective?.value)) return undefined;
      return {
        message: `Either Pod or ${describe(resource, entry)} should set 'securityContext.seccompProfile.type' to 'RuntimeDefault'`,
        path: effective?.path ?? entry.path,
      };
    });
  },
});
