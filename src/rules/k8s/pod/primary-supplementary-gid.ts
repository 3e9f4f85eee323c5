import { defineK8sRule } from '../../define.js';
import type { K8sViolation } from '../../types.js';
import { describe, listAt, podSecurityContext } from '../helpers.js';

export const primarySupplementaryGid = defineK8sRule({
  meta: {
    id: 'KSV116',
    name: 'primary-supplementary-gid',
    trivyId: 'kubernetes-primary-supplementary-gid',
    severity: 'low',
    title: 'Runs with a root primary or supplementary GID',
    description:
      "The pod's `securityContext` must not set `runAsGroup: 0`, `fsGroup: 0` or a `0` in `supplementalGroups` (Trivy checks the pod level only).",
    rationale:
      'Group 0 owns many sensitive files in images and on the node; a process in the root group can read or write them even as a non-root user.',
    fix: '```yaml\nspec:\n  securityContext:\n    runAsGroup: 10001\n    fsGroup: 10001\n```',
  },
  check: (resource) => {
    const pod = resource.pod;
    const context = pod && podSecurityContext(pod);
    if (!pod || !context) return [];
    const base = [...pod.specPath, 'securityContext'];
    const message = `${describe(resource)} should set spec.securityContext.runAsGroup, spec.securityContext.supplementalGroups[*] and spec.securityContext.fsGroup to integer greater than 0`;
    const violations: K8sViolation[] = [];
    if (context.runAsGroup === 0) violations.push({ message, path: [...base, 'runAsGroup'] });
    const index = listAt(context, 'supplementalGroups').indexOf(0);
    if (index >= 0) violations.push({ message, path: [...base, 'supplementalGroups', index] });
    if (context.fsGroup === 0) violations.push({ message, path: [...base, 'fsGroup'] });
    return violations;
  },
});
