import { defineK8sRule } from '../../define.js';
import { firstWorkloadByNamespace, namespacePath, namespacesWith } from './namespaces.js';

export const namespaceNetworkPolicy = defineK8sRule({
  meta: {
    id: 'KPG203',
    name: 'namespace-network-policy',
    aliases: ['require-network-policy'],
    severity: 'low',
    title: 'Namespace with workloads has no NetworkPolicy',
    description:
      "Every namespace of the scanned set that runs workloads (Pods, Deployments, StatefulSets, DaemonSets, Jobs, CronJobs, ...) must also have at least one NetworkPolicy in the scanned set. Resources without `metadata.namespace` count as one namespace, `default` (the namespace chosen at install time), so a chart that ships its own policies passes. The finding is placed on the namespace's first workload.",
    rationale:
      'Without a NetworkPolicy every pod accepts traffic from every other pod in the cluster: one compromised workload can reach every database and internal API. A default-deny policy plus explicit allows limits that lateral movement. Only policies in the scanned set are seen; if yours are managed elsewhere, turn this rule off.',
    fix: 'Ship a default-deny policy with the workloads, then allow what they need:\n\n```yaml\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: default-deny\nspec:\n  podSelector: {}\n  policyTypes: [Ingress, Egress]\n```',
    references: [
      'https://kubernetes.io/docs/concepts/services-networking/network-policies/#default-policies',
      'https://kubernetes.io/docs/concepts/security/security-checklist/#network-security',
    ],
  },
  checkAllReads: 'refs',
  checkAll: (resources) => {
    const covered = namespacesWith(resources, (resource) => resource.ref.kind === 'NetworkPolicy');
    return [...firstWorkloadByNamespace(resources)]
      .filter(([namespace]) => !covered.has(namespace))
      .map(([namespace, resource]) => ({
        resource,
        message: `Namespace '${namespace}' has workloads (first: ${resource.ref.kind} '${resource.ref.name}') but no NetworkPolicy`,
        path: namespacePath(resource),
      }));
  },
});
