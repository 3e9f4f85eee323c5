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
  return capabilitiesAdded(entry).map((name, index) => ({ name, index }));
}

/** The first `capabilities.add` entry of a container that `matches`, with its index. */
export function findAddedCapability(
  entry: ContainerEntry,
  matches: (name: unknown) => boolean,
): { name: unknown; index: number } | undefined {
  const added = capabilitiesAdded(entry);
  const index = added.findIndex(matches);
  return index >= 0 ? { name: added[index], index } : undefined;
}

function capabilitiesAdded(entry: ContainerEntry): readonly unknown[] {
  return listAt(objectAt(containerSecurityContext(entry), 'capabilities'), 'add');
}

/** One violation per container that adds exactly `capability` (Trivy compares case-sensitively). */
export function capabilityAddedViolations(
  resource: K8sResource,
  capability: string,
): K8sViolation[] {
  return containerViolations(resource, (entry) => {
    const added = findAddedCapability(entry, (name) => name === capability);
    if (!added) return undefined;
    return {
      message: `${describe(resource, entry)} should not include '${capability}' in 'securityContext.capabilities.add'`,
      path: [...entry.path, 'securityContext', 'capabilities', 'add', added.index],
    };
  });
}
