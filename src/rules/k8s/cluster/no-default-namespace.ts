import { defineK8sRule } from '../../define.js';
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

export const noDefaultNamespace = defineK8sRule({
  meta: {
    id: 'KSV110',
    name: 'no-default-namespace',
    trivyId: 'kubernetes-default-namespace-should-not-be-used',
    severity: 'low',
    title: 'Workloads in the default namespace',
    description:
      'A workload (Pod, ReplicaSet, ReplicationController, Deployment, StatefulSet, DaemonSet, CronJob, Job) must set `metadata.namespace` to a namespace other than `default`. As in Trivy, a workload without `metadata.namespace` counts as being in `default`.',
    rationale:
      'The default namespace is shared by everything nobody placed deliberately: quotas, NetworkPolicies and RBAC cannot be scoped to one application there.',
    fix: 'Set the namespace (in a Helm chart, `{{ .Release.Namespace }}`):\n\n```yaml\nmetadata:\n  name: web\n  namespace: shop\n```',
    references: ['https://kubernetes.io/docs/concepts/overview/working-with-objects/namespaces/'],
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
});
