import { defineK8sRule } from '../../define.js';
import type { K8sResource, PodTemplate } from '../../../sources/resource.js';
import type { K8sViolation } from '../../types.js';
import { containerSecurityContext, describe, objectAt, podSecurityContext } from '../helpers.js';
import { pssAtLeast } from './pss-version.js';

const VALID_TYPES: ReadonlySet<unknown> = new Set(['RuntimeDefault', 'Localhost']);

/** From this policy version on the control reads the `seccompProfile` fields; before it, the alpha
 *  annotations (the fields did not exist). */
const FIELDS_SINCE = '1.19';
const POD_ANNOTATION = 'seccomp.security.alpha.kubernetes.io/pod';
const CONTAINER_ANNOTATION_PREFIX = 'container.seccomp.security.alpha.kubernetes.io/';

const validAnnotation = (value: unknown) =>
  value === 'runtime/default' ||
  value === 'docker/default' ||
  (typeof value === 'string' && value.startsWith('localhost/'));

export const pssSeccompBaseline = defineK8sRule({
  meta: {
    id: 'KPG106',
    name: 'pss-seccomp-baseline',
    severity: 'high',
    title: 'Seccomp profile set to Unconfined',
    description:
      'Pod Security Standards baseline, Seccomp: `securityContext.seccompProfile.type` of the pod and of every container, when a profile is given, must be `RuntimeDefault` or `Localhost` (so `Unconfined` is forbidden; no profile at all is allowed at baseline). At policy versions before 1.19 the control reads the alpha annotations instead: `seccomp.security.alpha.kubernetes.io/pod` and `container.seccomp.security.alpha.kubernetes.io/<container>`, when set, must be `runtime/default`, `docker/default` or `localhost/<profile>`.',
    rationale:
      'An Unconfined seccomp profile lets the container make every system call, including those most kernel exploits go through.',
    fix: '```yaml\nspec:\n  securityContext:\n    seccompProfile:\n      type: RuntimeDefault\n```',
    pss: {
      level: 'baseline',
      control: 'Seccomp',
      check: 'seccompProfile_baseline',
      since: '1.0',
      changes: [
        {
          version: FIELDS_SINCE,
          change: 'the `seccompProfile` fields instead of the alpha annotations',
        },
      ],
    },
    references: ['KSV104'],
  },
  check: (resource, _options, context) => {
    const pod = resource.pod;
    if (!pod) return [];
    if (!pssAtLeast(context, FIELDS_SINCE)) return annotationViolations(resource, pod);
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

/** The pre-1.19 control: the pod's annotation and each container's, when present. */
function annotationViolations(resource: K8sResource, pod: PodTemplate): K8sViolation[] {
  const annotations = objectAt(pod.metadata, 'annotations') ?? {};
  const violations: K8sViolation[] = [];
  const flag = (key: string, container?: string) => {
    if (!Object.hasOwn(annotations, key) || validAnnotation(annotations[key])) return;
    violations.push({
      message: `${describe(resource)} must not set annotation '${key}' to '${String(annotations[key])}'`,
      path: [...pod.metadataPath, 'annotations', key],
      ...(container !== undefined ? { container } : {}),
    });
  };
  flag(POD_ANNOTATION);
  for (const entry of pod.containers) flag(CONTAINER_ANNOTATION_PREFIX + entry.name, entry.name);
  return violations;
}
