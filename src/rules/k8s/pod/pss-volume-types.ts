import { defineK8sRule } from '../../define.js';
import type { K8sViolation } from '../../types.js';
import { describe, listAt } from '../helpers.js';
import { isObject } from '../../../sources/resource.js';

/** Volume sources restricted allows; `image` is read-only OCI content (Kubernetes 1.33+). */
const ALLOWED_SOURCES: ReadonlySet<string> = new Set([
  'configMap',
  'csi',
  'downwardAPI',
  'emptyDir',
  'ephemeral',
  'image',
  'persistentVolumeClaim',
  'projected',
  'secret',
]);

export const pssVolumeTypes = defineK8sRule({
  meta: {
    id: 'KPG109',
    name: 'pss-volume-types',
    severity: 'medium',
    title: 'Restricted volume type used',
    description:
      'Pod Security Standards restricted, Volume Types: every volume must be a configMap, csi, downwardAPI, emptyDir, ephemeral, image, persistentVolumeClaim, projected or secret volume. A volume that names no source at all passes, because the API server defaults it to emptyDir.',
    rationale:
      'Other inline volume sources (hostPath, nfs, iscsi, cloud disks, gitRepo, ...) are mounted by the node with node credentials and bypass PersistentVolume access control.',
    fix: 'Use a PersistentVolumeClaim backed by a StorageClass/CSI driver, or one of the allowed ephemeral sources.',
    pss: {
      level: 'restricted',
      control: 'Volume Types',
      check: 'restrictedVolumes',
      since: '1.0',
      overrides: ['hostPathVolumes'],
    },
    references: ['KSV028', 'KSV023'],
  },
  check: (resource) => {
    const pod = resource.pod;
    if (!pod) return [];
    const violations: K8sViolation[] = [];
    listAt(pod.spec, 'volumes').forEach((volume, index) => {
      if (!isObject(volume)) return;
      const sources = Object.keys(volume).filter(
        (key) => key !== 'name' && volume[key] !== undefined && volume[key] !== null,
      );
      if (sources.length === 0 || sources.some((key) => ALLOWED_SOURCES.has(key))) return;
      violations.push({
        message: `${describe(resource)} must not use volume type '${sources[0]}' (volume '${String(volume.name)}')`,
        path: [...pod.specPath, 'volumes', index, sources[0]],
      });
    });
    return violations;
  },
});
