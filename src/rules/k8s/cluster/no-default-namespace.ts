import type { K8sRule } from '../../types.js';
import { namespaceOf, namespacePath } from './namespaces.js';

const WORKLOAD_KINDS = new Set([
  'pod',
  'replicaset',
  'replicationcontroller',
  'deployment',
  'statefulset',
  'daemonset',
  'cronjob',
  'job',
]);

export const noDefaultNamespace: K8sRule = {
  meta: {
    target: 'kubernetes',
    id: 'KSV110',
    name: 'no-default-namespace',
    aliases: ['KSV-0110', 'AVD-KSV-0110', 'kubernetes-default-namespace-should-not-be-used'],
    severity: 'low',
    title: 'Workloads in the default namespace',
    description:
      'A workload (Pod, ReplicaSet, ReplicationController, Deployment, StatefulSet, DaemonSet, CronJob, Job) must set `metadata.namespace` to a namespace other than `default`. As in Trivy, a workload without `metadata.namespace` counts as being in `default`.',
    rationale:
      'The default namespace is shared by everything nobody placed deliberately: quotas, NetworkPolicies and RBAC cannot be scoped to one application there.',
    fix: 'Set the namespace (in a Helm chart, `{{ .Release.Namespace }}`):\n\n```yaml\nmetadata:\n  name: web\n  namespace: shop\n```',
    references: [
      'https://kubernetes.io/docs/concepts/overview/working-with-objects/namespaces/',
      'https://avd.aquasec.com/misconfig/ksv110',
    ],
  },
  check: (resource) => {
    if (!resource.pod || !WORKLOAD_KINDS.has(resource.ref.kind.toLowerCase())) return [];
    if (namespaceOf(resource) !== 'default') return [];
    return [
      {
        message: `${resource.ref.kind.toLowerCase()} ${resource.ref.name} in default namespace should set metadata.namespace to a non-default namespace`,
        path: namespacePath(resource),
      },
    ];
  },
};
