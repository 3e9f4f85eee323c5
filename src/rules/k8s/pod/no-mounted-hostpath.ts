import { defineK8sRule } from '../../define.js';
import type { K8sViolation } from '../../types.js';
import { describe, listAt, objectAt } from '../helpers.js';

export const noMountedHostpath = defineK8sRule({
  meta: {
    id: 'KSV023',
    name: 'no-mounted-hostpath',
    trivyId: 'kubernetes-no-mounted-hostpath',
    severity: 'medium',
    title: 'hostPath volumes mounted',
    description: 'No volume may be a `hostPath` volume.',
    rationale:
      "A hostPath volume exposes the node's file system to the container: node credentials, other pods' data, the container runtime's socket.",
    fix: 'Use an `emptyDir`, a ConfigMap/Secret, or a PersistentVolumeClaim instead of `hostPath`.',
    pss: {
      level: 'baseline',
      control: 'HostPath Volumes',
      check: 'hostPathVolumes',
      since: '1.0',
    },
  },
  check: (resource) => {
    const pod = resource.pod;
    if (!pod) return [];
    const violations: K8sViolation[] = [];
    listAt(pod.spec, 'volumes').forEach((volume, index) => {
      if (!objectAt(volume, 'hostPath')) return;
      violations.push({
        message: `${describe(resource)} should not set 'spec.template.volumes.hostPath'`,
        path: [...pod.specPath, 'volumes', index, 'hostPath'],
      });
    });
    return violations;
  },
});
