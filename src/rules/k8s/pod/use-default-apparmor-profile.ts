import type { K8sRule } from '../../types.js';
import { containerViolations, describe, objectAt, trivyAliases } from '../helpers.js';

const ANNOTATION_PREFIX = 'container.apparmor.security.beta.kubernetes.io/';

export const useDefaultApparmorProfile: K8sRule = {
  meta: {
    target: 'kubernetes',
    id: 'KSV002',
    name: 'use-default-apparmor-profile',
    aliases: trivyAliases('KSV002', 'kubernetes-use-default-apparmor-profile'),
    severity: 'low',
    title: 'Runtime/Default AppArmor profile not set',
    description:
      "A container's AppArmor annotation `container.apparmor.security.beta.kubernetes.io/<container>`, when present, must be `runtime/default` (Trivy's reading: a `localhost/` profile is flagged too; the PSS AppArmor control, KPG103, allows it).",
    rationale:
      'AppArmor confines what a process may touch on the node; an `unconfined` or custom profile removes or weakens that confinement.',
    fix: '```yaml\nmetadata:\n  annotations:\n    container.apparmor.security.beta.kubernetes.io/app: runtime/default\n# or, on Kubernetes 1.30+:\nspec:\n  securityContext:\n    appArmorProfile:\n      type: RuntimeDefault\n```',
    references: ['https://avd.aquasec.com/misconfig/ksv002', 'KPG103'],
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
};
