// Kind to resource (the REST mapping the API server matches resourceRules against), for the builtin
// kinds, extended with the CustomResourceDefinitions found in the scanned tree.
import type { K8sResource } from '../../sources/resource.js';

export interface ResourceMapping {
  group: string;
  versions: string[];
  resource: string;
  namespaced: boolean;
}

// [kind, group, version, resource, namespaced]
const BUILTIN: [string, string, string, string, boolean][] = [
  ['Pod', '', 'v1', 'pods', true],
  ['Service', '', 'v1', 'services', true],
  ['ConfigMap', '', 'v1', 'configmaps', true],
  ['Secret', '', 'v1', 'secrets', true],
  ['ServiceAccount', '', 'v1', 'serviceaccounts', true],
  ['PersistentVolumeClaim', '', 'v1', 'persistentvolumeclaims', true],
  ['PersistentVolume', '', 'v1', 'persistentvolumes', false],
  ['Namespace', '', 'v1', 'namespaces', false],
  ['Node', '', 'v1', 'nodes', false],
  ['Endpoints', '', 'v1', 'endpoints', true],
  ['LimitRange', '', 'v1', 'limitranges', true],
  ['ResourceQuota', '', 'v1', 'resourcequotas', true],
  ['ReplicationController', '', 'v1', 'replicationcontrollers', true],
  ['PodTemplate', '', 'v1', 'podtemplates', true],
  ['Event', '', 'v1', 'events', true],
  ['Deployment', 'apps', 'v1', 'deployments', true],
  ['StatefulSet', 'apps', 'v1', 'statefulsets', true],
  ['DaemonSet', 'apps', 'v1', 'daemonsets', true],
  ['ReplicaSet', 'apps', 'v1', 'replicasets', true],
  ['ControllerRevision', 'apps', 'v1', 'controllerrevisions', true],
  ['Job', 'batch', 'v1', 'jobs', true],
  ['CronJob', 'batch', 'v1', 'cronjobs', true],
  ['Ingress', 'networking.k8s.io', 'v1', 'ingresses', true],
  ['IngressClass', 'networking.k8s.io', 'v1', 'ingressclasses', false],
  ['NetworkPolicy', 'networking.k8s.io', 'v1', 'networkpolicies', true],
  ['Role', 'rbac.authorization.k8s.io', 'v1', 'roles', true],
  ['RoleBinding', 'rbac.authorization.k8s.io', 'v1', 'rolebindings', true],
  ['ClusterRole', 'rbac.authorization.k8s.io', 'v1', 'clusterroles', false],
  ['ClusterRoleBinding', 'rbac.authorization.k8s.io', 'v1', 'clusterrolebindings', false],
  ['HorizontalPodAutoscaler', 'autoscaling', 'v2', 'horizontalpodautoscalers', true],
  ['PodDisruptionBudget', 'policy', 'v1', 'poddisruptionbudgets', true],
  ['StorageClass', 'storage.k8s.io', 'v1', 'storageclasses', false],
  ['CSIDriver', 'storage.k8s.io', 'v1', 'csidrivers', false],
  ['PriorityClass', 'scheduling.k8s.io', 'v1', 'priorityclasses', false],
  ['Lease', 'coordination.k8s.io', 'v1', 'leases', true],
  ['CustomResourceDefinition', 'apiextensions.k8s.io', 'v1', 'customresourcedefinitions', false],
  [
    'ValidatingAdmissionPolicy',
    'admissionregistration.k8s.io',
    'v1',
    'validatingadmissionpolicies',
    false,
  ],
  [
    'ValidatingAdmissionPolicyBinding',
    'admissionregistration.k8s.io',
    'v1',
    'validatingadmissionpolicybindings',
    false,
  ],
  [
    'ValidatingWebhookConfiguration',
    'admissionregistration.k8s.io',
    'v1',
    'validatingwebhookconfigurations',
    false,
  ],
  [
    'MutatingWebhookConfiguration',
    'admissionregistration.k8s.io',
    'v1',
    'mutatingwebhookconfigurations',
    false,
  ],
  ['APIService', 'apiregistration.k8s.io', 'v1', 'apiservices', false],
  ['EndpointSlice', 'discovery.k8s.io', 'v1', 'endpointslices', true],
  ['RuntimeClass', 'node.k8s.io', 'v1', 'runtimeclasses', false],
];

const groupOf = (apiVersion: string) =>
  apiVersion.includes('/') ? apiVersion.slice(0, apiVersion.indexOf('/')) : '';
const versionOf = (apiVersion: string) => apiVersion.slice(apiVersion.indexOf('/') + 1);

export class RestMapper {
  private readonly byGroupKind = new Map<string, ResourceMapping>();

  constructor(resources: readonly K8sResource[]) {
    for (const [kind, group, version, resource, namespaced] of BUILTIN)
      this.byGroupKind.set(`${group}/${kind}`, {
        group,
        versions: [version],
        resource,
        namespaced,
      });
    for (const r of resources) {
      if (r.ref.kind !== 'CustomResourceDefinition') continue;
      const spec = r.object.spec as
        | {
            group?: unknown;
            names?: { kind?: unknown; plural?: unknown };
            scope?: unknown;
            versions?: { name?: unknown }[];
          }
        | undefined;
      if (
        typeof spec?.group !== 'string' ||
        typeof spec.names?.kind !== 'string' ||
        typeof spec.names.plural !== 'string'
      )
        continue;
      this.byGroupKind.set(`${spec.group}/${spec.names.kind}`, {
        group: spec.group,
        versions: (spec.versions ?? []).map((v) => String(v?.name ?? '')),
        resource: spec.names.plural,
        namespaced: spec.scope !== 'Cluster',
      });
    }
  }

  /** The mapping of an object's apiVersion and kind, if known. */
  map(apiVersion: string, kind: string): (ResourceMapping & { version: string }) | undefined {
    const found = this.byGroupKind.get(`${groupOf(apiVersion)}/${kind}`);
    return found && { ...found, version: versionOf(apiVersion) };
  }
}
