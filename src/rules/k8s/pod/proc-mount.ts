// Shared by the PSS /proc Mount Type rules (KPG105 baseline, KPG115 restricted).
import type { K8sResource } from '../../../sources/resource.js';
import type { K8sViolation } from '../../types.js';
import { containerSecurityContext, containerViolations, describe } from '../helpers.js';

/** One violation per container whose `procMount` is set to anything but `Default`. */
export function procMountViolations(resource: K8sResource): K8sViolation[] {
  return containerViolations(resource, (entry) => {
    const value = containerSecurityContext(entry)?.procMount;
    if (value === undefined || value === null || value === 'Default') return undefined;
    return {
      message: `${describe(resource, entry)} must not set 'securityContext.procMount' to '${String(value)}'`,
      path: [...entry.path, 'securityContext', 'procMount'],
    };
  });
}
