// Small shared readers for rules: visiting containers, reading securityContext fields, naming
// what a message talks about.
import type { ContainerEntry, K8sResource, Path } from '../../sources/resource.js';
import { isObject } from '../../sources/resource.js';
import type { K8sViolation } from '../types.js';

/** "Container 'app' of Deployment 'web'" */
export function describe(resource: K8sResource, entry?: ContainerEntry): string {
  const owner = `${resource.ref.kind} '${resource.ref.name}'`;
  if (!entry) return owner;
  const what =
    entry.type === 'initContainers'
      ? 'Init container'
      : entry.type === 'ephemeralContainers'
        ? 'Ephemeral container'
        : 'Container';
  return `${what} '${entry.name}' of ${owner}`;
}

/** Runs `check` on every init, regular and ephemeral container of the resource's pod. */
export function containerViolations(
  resource: K8sResource,
  check: (entry: ContainerEntry) => Omit<K8sViolation, 'container'> | undefined,
): K8sViolation[] {
  const violations: K8sViolation[] = [];
  for (const entry of resource.pod?.containers ?? []) {
    const violation = check(entry);
    if (violation) violations.push({ ...violation, container: entry.name });
  }
  return violations;
}

/** A field of an object-valued field, e.g. `securityContext.privileged`. */
export function field(owner: Record<string, unknown>, object: string, key: string): unknown {
  const value = owner[object];
  return isObject(value) ? value[key] : undefined;
}

/** Violation for a pod-level boolean that must not be true (hostNetwork, hostPID, ...). */
export function podFlagViolation(resource: K8sResource, key: string): K8sViolation[] {
  const pod = resource.pod;
  if (!pod || pod.spec[key] !== true) return [];
  const path: Path = [...pod.specPath, key];
  return [{ message: `${describe(resource)} should not set '${path.join('.')}' to true`, path }];
}
