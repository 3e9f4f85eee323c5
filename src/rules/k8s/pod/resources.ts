// Shared by the resource requests/limits rules (KSV011, KSV015, KSV016, KSV018).
import type { K8sResource } from '../../../sources/resource.js';
import type { K8sViolation } from '../../types.js';
import { containerViolations, describe, objectAt } from '../helpers.js';

/** One violation per container that does not set `resources.<section>.<name>`. */
export function missingResourceViolations(
  resource: K8sResource,
  section: 'limits' | 'requests',
  name: 'cpu' | 'memory',
): K8sViolation[] {
  return containerViolations(resource, (entry) => {
    const value = objectAt(objectAt(entry.container, 'resources'), section)?.[name];
    if (value !== undefined && value !== null) return undefined;
    return {
      message: `${describe(resource, entry)} should set 'resources.${section}.${name}'`,
      path: entry.path,
    };
  });
}
