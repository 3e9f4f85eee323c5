import { defineK8sRule } from '../../define.js';
import type { K8sViolation } from '../../types.js';
import { containerSecurityContext, describe, objectAt, podSecurityContext } from '../helpers.js';

export const noHostprocessContainers = defineK8sRule({
  meta: {
    id: 'KSV103',
    name: 'no-hostprocess-containers',
    trivyId: 'kubernetes-no-hostprocess-containers',
    severity: 'medium',
    title: 'Access to host process',
    description:
      'Neither the pod nor any container may set `securityContext.windowsOptions.hostProcess: true`. This is the PSS HostProcess control exactly; it differs from Trivy only for a workload (not a bare Pod) whose pod-level `true` is overridden by every container, where Trivy reads `spec` of the top-level object and misses it.',
    rationale:
      'A Windows HostProcess container runs directly on the node with host networking and the privileges of the node: the Windows equivalent of a privileged container.',
    fix: '```yaml\nspec:\n  securityContext:\n    windowsOptions:\n      hostProcess: false   # or leave it unset\n```',
    pss: {
      level: 'baseline',
      control: 'HostProcess',
      check: 'windowsHostProcess',
      since: '1.0',
    },
  },
  check: (resource) => {
    const pod = resource.pod;
    if (!pod) return [];
    const violations: K8sViolation[] = [];
    if (objectAt(podSecurityContext(pod), 'windowsOptions')?.hostProcess === true) {
      violations.push({
        message: `${describe(resource)} should not set 'securityContext.windowsOptions.hostProcess' to true`,
        path: [...pod.specPath, 'securityContext', 'windowsOptions', 'hostProcess'],
      });
    }
    for (const entry of pod.containers) {
      if (objectAt(containerSecurityContext(entry), 'windowsOptions')?.hostProcess !== true)
        continue;
      violations.push({
        message: `${describe(resource, entry)} should not set 'securityContext.windowsOptions.hostProcess' to true`,
        path: [...entry.path, 'securityContext', 'windowsOptions', 'hostProcess'],
        container: entry.name,
      });
    }
    return violations;
  },
});
