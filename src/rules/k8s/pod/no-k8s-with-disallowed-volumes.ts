import { defineK8sRule } from '../../define.js';
import type { K8sViolation } from '../../types.js';
import { describe, listAt, objectAt } from '../helpers.js';

const DISALLOWED_HOST_PATHS: ReadonlySet<unknown> = new Set([
  '/',
  '/boot',
  '/dev',
  '/etc',
  '/lib',
  '/proc',
  '/sys',
  '/usr',
  '/var/lib/docker',
]);

export const noK8sWithDisallowedVolumes = defineK8sRule({
  meta: {
    id: 'KSV121',
    name: 'no-k8s-with-disallowed-volumes',
    trivyId: 'kubernetes-no-k8s-with-disallowed-volumes',
    severity: 'high',
    title: 'Kubernetes resource with disallowed volumes mounted',
    description:
      'No `hostPath` volume may mount one of the critical host paths `/`, `/boot`, `/dev`, `/etc`, `/lib`, `/proc`, `/sys`, `/usr` or `/var/lib/docker` (exact match).',
    rationale:
      "These paths hold the node's kernel interfaces, devices, configuration, binaries and container storage: write access to any of them is a node takeover.",
    fix: 'Remove the hostPath volume; if node data is really needed, mount the narrowest read-only subdirectory through a dedicated, reviewed DaemonSet.',
  },
  check: (resource) => {
    const pod = resource.pod;
    if (!pod) return [];
    const violations: K8sViolation[] = [];
    listAt(pod.spec, 'volumes').forEach((volume, index) => {
      const path = objectAt(volume, 'hostPath')?.path;
      if (!DISALLOWED_HOST_PATHS.has(path)) return;
      violations.push({
        message: `${describe(resource)} shouldn't have volumes set to ${String(path)}`,
        path: [...pod.specPath, 'volumes', index, 'hostPath', 'path'],
      });
    });
    return violations;
  },
});
