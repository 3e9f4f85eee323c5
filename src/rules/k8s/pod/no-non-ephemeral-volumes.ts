import { defineK8sRule } from '../../define.js';
import type { K8sViolation } from '../../types.js';
import { describe, listAt, objectAt } from '../helpers.js';

// Trivy's list, spelled as Trivy spells it (`cephFS`; the API field is `cephfs`, which Trivy misses).
const DISALLOWED_TYPES = [
  'gcePersistentDisk',
  'awsElasticBlockStore',
  'gitRepo',
  'nfs',
  'iscsi',
  'glusterfs',
  'rbd',
  'flexVolume',
  'cinder',
  'cephFS',
  'flocker',
  'fc',
  'azureFile',
  'vsphereVolume',
  'quobyte',
  'azureDisk',
  'portworxVolume',
  'scaleIO',
  'storageos',
];

export const noNonEphemeralVolumes = defineK8sRule({
  meta: {
    id: 'KSV028',
    name: 'no-non-ephemeral-volumes',
    trivyId: 'kubernetes-no-non-ephemeral-volumes',
    severity: 'low',
    title: 'Non-core volume types used.',
    description:
      "No volume may use one of Trivy's disallowed in-tree volume types (gcePersistentDisk, awsElasticBlockStore, gitRepo, nfs, iscsi, ...). The PSS Volume Types control (KPG109) is an allowlist instead.",
    rationale:
      'In-tree network and cloud volume types are mounted by the node with node credentials, bypassing PersistentVolume access control; several (gitRepo) have had node-escape vulnerabilities.',
    fix: 'Use a PersistentVolumeClaim (backed by a CSI driver), or configMap/secret/emptyDir/projected volumes.',
    references: ['KPG109'],
  },
  check: (resource) => {
    const pod = resource.pod;
    if (!pod) return [];
    const violations: K8sViolation[] = [];
    listAt(pod.spec, 'volumes').forEach((volume, index) => {
      const type = DISALLOWED_TYPES.find((key) => objectAt(volume, key) !== undefined);
      if (!type) return;
      violations.push({
        message: `${describe(resource)} should set 'spec.volumes[*]' to an allowed volume type`,
        path: [...pod.specPath, 'volumes', index, type],
      });
    });
    return violations;
  },
});
