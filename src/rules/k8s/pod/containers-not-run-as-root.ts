import { defineK8sRule } from '../../define.js';
import type { K8sViolation } from '../../types.js';
import { containerSecurityContext, describe, podSecurityContext } from '../helpers.js';

export const containersNotRunAsRoot = defineK8sRule({
  meta: {
    id: 'KSV105',
    name: 'containers-not-run-as-root',
    trivyId: 'kubernetes-containers-not-run-as-root',
    severity: 'low',
    title: 'Containers must not set runAsUser to 0',
    description:
      "Neither the pod nor any container may set `securityContext.runAsUser: 0`. Trivy's reading: no relaxation for `hostUsers: false` pods, which the PSS control (KPG112) has.",
    rationale:
      'UID 0 in the container is root; with host user namespaces it is root on the node too.',
    fix: '```yaml\nspec:\n  securityContext:\n    runAsUser: 10001\n    runAsNonRoot: true\n```',
    references: ['KPG112'],
  },
  check: (resource) => {
    const pod = resource.pod;
    if (!pod) return [];
    const violations: K8sViolation[] = [];
    const message = 'securityContext.runAsUser should be set to a value greater than 0';
    if (podSecurityContext(pod)?.runAsUser === 0) {
      violations.push({
        message: `${describe(resource)}: ${message}`,
        path: [...pod.specPath, 'securityContext', 'runAsUser'],
      });
    }
    // A container inheriting the pod's 0 is covered by the pod-level finding above.
    for (const entry of pod.containers) {
      if (containerSecurityContext(entry)?.runAsUser !== 0) continue;
      violations.push({
        message: `${describe(resource, entry)}: ${message}`,
        path: [...entry.path, 'securityContext', 'runAsUser'],
        container: entry.name,
      });
    }
    return violations;
  },
});
