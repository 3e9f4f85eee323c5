// Shared by the capability rules: reading `securityContext.capabilities.add`.
import type { ContainerEntry, K8sResource } from '../../../sources/resource.js';
import type { K8sViolation } from '../../types.js';
import {
  containerSecurityContext,
  containerViolations,
  describe,
  listAt,
  objectAt,
} from '../helpers.js';

/** The `capabilities.add` entries of a container, with their indexes. */
export function addedCapabilities(entry: ContainerEntry): Array<{ name: unknown; index: number }> {
  const capabilities = objectAt(containerSecurityContext(entry), 'capabilities');
  return listAt(capabilities, 'add').map((name, index) => ({ name, index }));
}

/** One violation per container that adds exactly `capability` (Trivy compares case-sensitively). */
export function capabilityAddedViolations(
  resource: K8sResource,
  capability: string,
): K8sViolation[] {
  return containerViolations(resource, (entry) => {
    const added = addedCapabilities(entry).find((cap) => cap.name === capability);
    if (!added) return undefined;
    return {
      message: `${describe(resource, entry)} should not include '${capability}' in 'securityContext.capabilities.add'`,
      path: [...entry.path, 'securityContext', 'capabilities', 'add', added.index],
    };
  });
}
