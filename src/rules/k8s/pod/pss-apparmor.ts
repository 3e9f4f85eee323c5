import { defineK8sRule } from '../../define.js';
import type { K8sViolation } from '../../types.js';
import { containerSecurityContext, describe, objectAt, podSecurityContext } from '../helpers.js';

const ANNOTATION_PREFIX = 'container.apparmor.security.beta.kubernetes.io/';
const ALLOWED_TYPES: ReadonlySet<unknown> = new Set(['RuntimeDefault', 'Localhost']);

const allowedAnnotation = (value: unknown) =>
  value === undefined ||
  value === null ||
  value === '' ||
  value === 'runtime/default' ||
  (typeof value === 'string' && value.startsWith('localhost/'));

export const pssApparmor = defineK8sRule({
  meta: {
    id: 'KPG103',
    name: 'pss-apparmor',
    severity: 'high',
    title: 'AppArmor profile overridden',
    description:
      'Pod Security Standards baseline, AppArmor: `securityContext.appArmorProfile.type` of the pod and of every container, when set, must be `RuntimeDefault` or `Localhost`; every `container.apparmor.security.beta.kubernetes.io/*` annotation must be empty, `runtime/default` or `localhost/<profile>`.',
    rationale:
      'An `Unconfined` AppArmor profile removes the mandatory access control that confines a container on AppArmor nodes.',
    fix: '```yaml\nspec:\n  securityContext:\n    appArmorProfile:\n      type: RuntimeDefault\n```',
    pss: {
      level: 'baseline',
      control: 'AppArmor',
      check: 'appArmorProfile',
      since: '1.0',
    },
    references: ['KSV002'],
  },
  check: (resource) => {
    const pod = resource.pod;
    if (!pod) return [];
    const violations: K8sViolation[] = [];
    const podProfile = objectAt(podSecurityContext(pod), 'appArmorProfile');
    if (podProfile && !ALLOWED_TYPES.has(podProfile.type)) {
      violations.push({
        message: `${describe(resource)} must not set 'securityContext.appArmorProfile.type' to '${String(podProfile.type ?? '')}'`,
        path: [...pod.specPath, 'securityContext', 'appArmorProfile'],
      });
    }
    for (const entry of pod.containers) {
      const profile = objectAt(containerSecurityContext(entry), 'appArmorProfile');
      if (!profile || ALLOWED_TYPES.has(profile.type)) continue;
      violations.push({
        message: `${describe(resource, entry)} must not set 'securityContext.appArmorProfile.type' to '${String(profile.type ?? '')}'`,
        path: [...entry.path, 'securityContext', 'appArmorProfile'],
        container: entry.name,
      });
    }
    for (const [key, value] of Object.entries(objectAt(pod.metadata, 'annotations') ?? {})) {
      if (!key.startsWith(ANNOTATION_PREFIX) || allowedAnnotation(value)) continue;
      violations.push({
        message: `${describe(resource)} must not set annotation '${key}' to '${String(value)}'`,
        path: [...pod.metadataPath, 'annotations', key],
      });
    }
    return violations;
  },
});
