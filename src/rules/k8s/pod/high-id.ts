// KSV020/KSV021: the user or group a container runs as must be above 10000.
import type { K8sResource } from '../../../sources/resource.js';
import type { K8sViolation } from '../../types.js';
import { containerViolations, describe, effectiveSecurityContextValue } from '../helpers.js';

/** Violations for containers whose effective `securityContext.<key>` (`runAsUser`,
 *  `runAsGroup`) is unset or a number <= 10000. */
export function lowIdViolations(
  resource: K8sResource,
  key: 'runAsUser' | 'runAsGroup',
): K8sViolation[] {
  const pod = resource.pod;
  if (!pod) return [];
  return containerViolations(resource, (entry) => {
    const effective = effectiveSecurityContextValue(pod, entry, key);
    // Trivy compares only numbers; a non-numeric value is the API server's to reject.
    if (effective && (typeof effective.value !== 'number' || effective.value > 10000)) {
      return undefined;
    }
    return {
      message: `${describe(resource, entry)} should set 'securityContext.${key}' > 10000`,
      path: effective?.path ?? entry.path,
    };
  });
}
