import { defineK8sRule } from '../../define.js';
import type { K8sViolation } from '../../types.js';
import {
  containerSecurityContext,
  describe,
  INHERITED_SECURITY_CONTEXT_FIELDS,
  podSecurityContext,
} from '../helpers.js';
import type { KubeObject } from '../../../sources/resource.js';

const isEmpty = (context: KubeObject | undefined) =>
  !context || Object.values(context).every((value) => value === undefined || value === null);

export const noDefaultSecurityContext = defineK8sRule({
  meta: {
    id: 'KSV118',
    name: 'no-default-security-context',
    trivyId: 'kubernetes-no-default-security-context',
    severity: 'high',
    title: 'Default security context configured',
    description:
      'The pod must set a non-empty `spec.securityContext`, and every container must have a non-empty security context (its own, or fields it inherits from the pod: runAsUser, runAsGroup, runAsNonRoot, seLinuxOptions, seccompProfile, windowsOptions).',
    rationale:
      'Relying on the default security context means running as the image user (often root) with the default capabilities and no seccomp profile; stating the security parameters explicitly is the first step of hardening.',
    fix: '```yaml\nspec:\n  securityContext:\n    runAsNonRoot: true\n    seccompProfile:\n      type: RuntimeDefault\n  containers:\n    - name: app\n      securityContext:\n        allowPrivilegeEscalation: false\n        capabilities:\n          drop: ["ALL"]\n```',
  },
  check: (resource) => {
    const pod = resource.pod;
    if (!pod) return [];
    const violations: K8sViolation[] = [];
    const podContext = podSecurityContext(pod);
    if (isEmpty(podContext)) {
      violations.push({
        message: `${describe(resource)} is using the default security context, which allows root privileges`,
        path: podContext ? [...pod.specPath, 'securityContext'] : pod.specPath,
      });
    }
    const inherits = Object.entries(podContext ?? {}).some(
      ([key, value]) =>
        INHERITED_SECURITY_CONTEXT_FIELDS.has(key) && value !== undefined && value !== null,
    );
    if (inherits) return violations;
    for (const entry of pod.containers) {
      const context = containerSecurityContext(entry);
      if (!isEmpty(context)) continue;
      violations.push({
        message: `${describe(resource, entry)} is using the default security context`,
        path: context ? [...entry.path, 'securityContext'] : entry.path,
        container: entry.name,
      });
    }
    return violations;
  },
});
