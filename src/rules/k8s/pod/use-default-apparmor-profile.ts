import { defineK8sRule } from '../../define.js';
import { containerViolations, describe, objectAt } from '../helpers.js';

const ANNOTATION_PREFIX = 'container.apparmor.security.beta.kubernetes.io/';

export const useDefaultApparmorProfile = defineK8sRule({
  meta: {
    id: 'KSV002',
    name: 'use-default-apparmor-profile',
    trivyId: 'kubernetes-use-default-apparmor-profile',
    severity: 'low',
    title: 'Runtime/Default AppArmor profile not set',
    description:
      "A container's AppArmor annotation `container.apparmor.security.beta.kubernetes.io/<container>`, when present, must be `runtime/default` (Trivy's reading: a `localhost/` profile is flagged too; the PSS AppArmor control, KPG103, allows it).",
    rationale:
      'AppArmor confines what a process may touch on the node; an `unconfined` or custom profile removes or weakens that confinement.',
    fix: '```yaml\nmetadata:\n  annotations:\n    container.apparmor.security.beta.kubernetes.io/app: runtime/default\n# or, on Kubernetes 1.30+:\nspec:\n  securityContext:\n    appArmorProfile:\n      type: RuntimeDefault\n```',
    references: ['KPG103'],
  },
  check: (resource) => {
    const pod = resource.pod;
    const annotations = pod && objectAt(pod.metadata, 'annotations');
    if (!pod || !annotations) return [];
    return containerViolations(resource, (entry) => {
      const key = ANNOTATION_PREFIX + entry.name;
      const value = annotations[key];
      if (value === undefined || value === null || value === 'runtime/default') return undefined;
      return {
        message: `${describe(resource, entry)} should specify an AppArmor profile`,
        path: [...pod.metadataPath, 'annotations', key],
      };
    });
  },
});
