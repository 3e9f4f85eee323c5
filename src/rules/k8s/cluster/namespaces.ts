// Namespaces as the scanned set describes them, for the cross-resource rules.
import type { K8sResource, Path } from '../../../sources/resource.js';

/** Where the resource lands: `metadata.namespace`, or `default` when unset. For Helm output
 *  and `kubectl apply -n` the real namespace is chosen at install time; resources that all
 *  leave it unset still land together, so grouping them under one name stays right. */
export function namespaceOf(resource: K8sResource): string {
  return resource.ref.namespace ?? 'default';
}

/** Path to blame for a namespace-level finding: the namespace field, or metadata without it. */
export function namespacePath(resource: K8sResource): Path {
  return resource.ref.namespace === undefined ? ['metadata'] : ['metadata', 'namespace'];
}

/** The first workload (a resource with a pod template) of each namespace, in scan order. */
export function firstWorkloadByNamespace(
  resources: readonly K8sResource[],
): Map<string, K8sResource> {
  const first = new Map<string, K8sResource>();
  for (const resource of resources) {
    if (!resource.pod || resource.ref.kind === 'PodTemplate') continue;
    const namespace = namespaceOf(resource);
    if (!first.has(namespace)) first.set(namespace, resource);
  }
  return first;
}

/** Namespaces holding at least one resource that satisfies `accept`. */
export function namespacesWith(
  resources: readonly K8sResource[],
  accept: (resource: K8sResource) => boolean,
): Set<string> {
  const namespaces = new Set<string>();
  for (const resource of resources) if (accept(resource)) namespaces.add(namespaceOf(resource));
  return namespaces;
}
