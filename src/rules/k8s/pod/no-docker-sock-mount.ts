import { defineK8sRule } from '../../define.js';
import type { K8sViolation } from '../../types.js';
import { describe, listAt, objectAt } from '../helpers.js';

export const noDockerSockMount = defineK8sRule({
  meta: {
    id: 'KSV006',
    name: 'no-docker-sock-mount',
    trivyId: 'kubernetes-no-docker-sock-mount',
    severity: 'high',
    title: 'hostPath volume mounted with docker.sock',
    description: 'No volume may be a `hostPath` of `/var/run/docker.sock`.',
    rationale:
      "Whoever can talk to the container runtime's socket can start a privileged container on the node: full root access to the host.",
    fix: "Remove the volume; use the Kubernetes API, or a rootless image builder (kaniko, buildkit rootless) instead of the node's Docker daemon.",
  },
  check: (resource) => {
    const pod = resource.pod;
    if (!pod) return [];
    const violations: K8sViolation[] = [];
    listAt(pod.spec, 'volumes').forEach((volume, index) => {
      if (objectAt(volume, 'hostPath')?.path !== '/var/run/docker.sock') return;
      violations.push({
        message: `${describe(resource)} should not specify '/var/run/docker.sock' in 'spec.template.volumes.hostPath.path'`,
        path: [...pod.specPath, 'volumes', index, 'hostPath', 'path'],
      });
    });
    return violations;
  },
});
