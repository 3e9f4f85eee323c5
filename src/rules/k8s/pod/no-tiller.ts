import { defineK8sRule } from '../../define.js';
import type { K8sResource, KubeObject } from '../../../sources/resource.js';
import type { K8sViolation } from '../../types.js';
import { describe, objectAt } from '../helpers.js';

/** Tiller by name, `app: helm` label or `name: tiller` label, as Trivy recognises it. */
function looksLikeTiller(metadata: KubeObject | undefined): boolean {
  if (!metadata) return false;
  const labels = objectAt(metadata, 'labels');
  return (
    (typeof metadata.name === 'string' && metadata.name.includes('tiller')) ||
    labels?.app === 'helm' ||
    labels?.name === 'tiller'
  );
}

const tillerMessage = (resource: K8sResource) =>
  `${describe(resource)} shouldn't have tiller deployed`;

export const noTiller = defineK8sRule({
  meta: {
    id: 'KSV102',
    name: 'no-tiller',
    trivyId: 'kubernetes-no-tiller',
    severity: 'critical',
    title: 'Tiller Is Deployed',
    description:
      "Flags Helm v2's Tiller: a workload whose name contains `tiller` or that is labelled `app: helm` or `name: tiller` (on the resource or its pod template), or a container whose image contains `tiller`.",
    rationale:
      'Tiller runs with cluster-admin rights and, by default, serves an unauthenticated gRPC API inside the cluster: any pod can use it to take over the cluster. Helm 3 has no Tiller.',
    fix: 'Migrate to Helm 3 and delete the Tiller deployment (`helm 2to3 cleanup`).',
  },
  check: (resource) => {
    const pod = resource.pod;
    if (!pod) return [];
    const violations: K8sViolation[] = [];
    if (looksLikeTiller(objectAt(resource.object, 'metadata'))) {
      violations.push({ message: tillerMessage(resource), path: ['metadata'] });
    } else if (looksLikeTiller(pod.metadata)) {
      violations.push({ message: tillerMessage(resource), path: pod.metadataPath });
    }
    for (const entry of pod.containers) {
      const image = entry.container.image;
      if (typeof image === 'string' && image.includes('tiller')) {
        violations.push({
          message: `${describe(resource, entry)} shouldn't have tiller deployed`,
          path: [...entry.path, 'image'],
          container: entry.name,
        });
      }
    }
    return violations;
  },
});
