// Kind to resource (the REST mapping the API server matches resourceRules against), for the builtin
// kinds, extended with the CustomResourceDefinitions found in the scanned tree.
import type { K8sResource } from '../../sources/resource.js';

export interface ResourceMapping {
  group: string;
  versions: string[];
  resource: string;
  namespaced: boolean;
  /** From a CustomResourceDefinition in the scanned tree: `versions` are the ones it serves. */
  crd?: boolean;
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
            versions?: { name?: unknown; served?: unknown }[];
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
        versions: (spec.versions ?? [])
          .filter((v) => v?.served !== false)
          .map((v) => String(v?.name ?? '')),
        resource: spec.names.plural,
        namespaced: spec.scope !== 'Cluster',
        crd: true,
      });
    }
  }

  /**
   * What `matchPolicy: Equivalent` also matches a request for `request` as in Kubernetes 1.`minor`: the
   * other served versions of a CRD of the scanned tree, or the builtin resources sharing its storage.
   */
  equivalents(request: GroupVersionResource, minor: number): GroupVersionResource[] {
    const mapping = this.byGroupKind.get(`${request.group}/${request.kind}`);
    if (mapping?.crd)
      return mapping.versions
        .filter((version) => version !== request.version)
        .map((version) => ({ ...request, version }));
    return equivalentResources(request, minor);
  }

  /** Whether the versions a resource is served at are known (builtin, or a CRD of the scanned tree). */
  knowsVersions(group: string, kind: string, resource: string): boolean {
    return (
      this.byGroupKind.has(`${group}/${kind}`) || equivalentsByResource.has(`${group}/${resource}`)
    );
  }

  /** The mapping of an object's apiVersion and kind, if known. */
  map(apiVersion: string, kind: string): (ResourceMapping & { version: string }) | undefined {
    const found = this.byGroupKind.get(`${groupOf(apiVersion)}/${kind}`);
    return found && { ...found, version: versionOf(apiVersion) };
  }
}

/** A group/version/resource and its kind: what a resource rule is matched against. */
export interface GroupVersionResource {
  group: string;
  version: string;
  resource: string;
  kind: string;
}

// The resources that share storage across groups or versions (the API server's equivalent resource
// registry lists those it serves). [group, version, kind, resource, first minor served, first minor no
// longer served]; each list is one storage. Alpha versions, off by default, are left out.
type Served = [string, string, string, string, number, number];
const EQUIVALENT_RESOURCES: Served[][] = [
  [
    ['apps', 'v1', 'Deployment', 'deployments', 9, Infinity],
    ['apps', 'v1beta1', 'Deployment', 'deployments', 6, 16],
    ['apps', 'v1beta2', 'Deployment', 'deployments', 8, 16],
    ['extensions', 'v1beta1', 'Deployment', 'deployments', 2, 16],
  ],
  [
    ['apps', 'v1', 'DaemonSet', 'daemonsets', 9, Infinity],
    ['apps', 'v1beta2', 'DaemonSet', 'daemonsets', 8, 16],
    ['extensions', 'v1beta1', 'DaemonSet', 'daemonsets', 2, 16],
  ],
  [
    ['apps', 'v1', 'ReplicaSet', 'replicasets', 9, Infinity],
    ['apps', 'v1beta2', 'ReplicaSet', 'replicasets', 8, 16],
    ['extensions', 'v1beta1', 'ReplicaSet', 'replicasets', 2, 16],
  ],
  [
    ['apps', 'v1', 'StatefulSet', 'statefulsets', 9, Infinity],
    ['apps', 'v1beta1', 'StatefulSet', 'statefulsets', 5, 16],
    ['apps', 'v1beta2', 'StatefulSet', 'statefulsets', 8, 16],
  ],
  [
    ['networking.k8s.io', 'v1', 'NetworkPolicy', 'networkpolicies', 7, Infinity],
    ['extensions', 'v1beta1', 'NetworkPolicy', 'networkpolicies', 3, 16],
  ],
  [
    ['policy', 'v1beta1', 'PodSecurityPolicy', 'podsecuritypolicies', 10, 25],
    ['extensions', 'v1beta1', 'PodSecurityPolicy', 'podsecuritypolicies', 3, 16],
  ],
  [
    ['networking.k8s.io', 'v1', 'Ingress', 'ingresses', 19, Infinity],
    ['networking.k8s.io', 'v1beta1', 'Ingress', 'ingresses', 14, 22],
    ['extensions', 'v1beta1', 'Ingress', 'ingresses', 2, 22],
  ],
  [
    ['networking.k8s.io', 'v1', 'IngressClass', 'ingressclasses', 19, Infinity],
    ['networking.k8s.io', 'v1beta1', 'IngressClass', 'ingressclasses', 18, 22],
  ],
  [
    ['', 'v1', 'Event', 'events', 0, Infinity],
    ['events.k8s.io', 'v1', 'Event', 'events', 19, Infinity],
    ['events.k8s.io', 'v1beta1', 'Event', 'events', 8, 25],
  ],
  [
    ['autoscaling', 'v1', 'HorizontalPodAutoscaler', 'horizontalpodautoscalers', 2, Infinity],
    ['autoscaling', 'v2', 'HorizontalPodAutoscaler', 'horizontalpodautoscalers', 23, Infinity],
    ['autoscaling', 'v2beta1', 'HorizontalPodAutoscaler', 'horizontalpodautoscalers', 8, 25],
    ['autoscaling', 'v2beta2', 'HorizontalPodAutoscaler', 'horizontalpodautoscalers', 12, 26],
  ],
  [
    ['batch', 'v1', 'CronJob', 'cronjobs', 21, Infinity],
    ['batch', 'v1beta1', 'CronJob', 'cronjobs', 8, 25],
  ],
  [
    ['policy', 'v1', 'PodDisruptionBudget', 'poddisruptionbudgets', 21, Infinity],
    ['policy', 'v1beta1', 'PodDisruptionBudget', 'poddisruptionbudgets', 5, 25],
  ],
  [
    ['discovery.k8s.io', 'v1', 'EndpointSlice', 'endpointslices', 21, Infinity],
    ['discovery.k8s.io', 'v1beta1', 'EndpointSlice', 'endpointslices', 17, 25],
  ],
  [
    ['node.k8s.io', 'v1', 'RuntimeClass', 'runtimeclasses', 20, Infinity],
    ['node.k8s.io', 'v1beta1', 'RuntimeClass', 'runtimeclasses', 14, 25],
  ],
  [
    ['scheduling.k8s.io', 'v1', 'PriorityClass', 'priorityclasses', 14, Infinity],
    ['scheduling.k8s.io', 'v1beta1', 'PriorityClass', 'priorityclasses', 11, 22],
  ],
  [
    ['coordination.k8s.io', 'v1', 'Lease', 'leases', 14, Infinity],
    ['coordination.k8s.io', 'v1beta1', 'Lease', 'leases', 12, 22],
  ],
  ...['Role', 'RoleBinding', 'ClusterRole', 'ClusterRoleBinding'].map((kind): Served[] => {
    const resource = `${kind.toLowerCase()}s`;
    return [
      ['rbac.authorization.k8s.io', 'v1', kind, resource, 8, Infinity],
      ['rbac.authorization.k8s.io', 'v1beta1', kind, resource, 6, 22],
    ];
  }),
  [
    ['storage.k8s.io', 'v1', 'StorageClass', 'storageclasses', 6, Infinity],
    ['storage.k8s.io', 'v1beta1', 'StorageClass', 'storageclasses', 4, 22],
  ],
  [
    ['storage.k8s.io', 'v1', 'CSIDriver', 'csidrivers', 18, Infinity],
    ['storage.k8s.io', 'v1beta1', 'CSIDriver', 'csidrivers', 14, 22],
  ],
];

const equivalentsByResource = new Map<string, Served[]>();
for (const storage of EQUIVALENT_RESOURCES)
  for (const [group, , , resource] of storage)
    equivalentsByResource.set(`${group}/${resource}`, storage);

/**
 * The other group/version/resources the API server serves for the same objects in Kubernetes 1.`minor`
 * (what `matchPolicy: Equivalent` also matches), without the request's own.
 */
export function equivalentResources(
  request: GroupVersionResource,
  minor: number,
): GroupVersionResource[] {
  const storage = equivalentsByResource.get(`${request.group}/${request.resource}`) ?? [];
  return storage
    .filter(
      ([group, version, , , from, until]) =>
        from <= minor && minor < until && !(group === request.group && version === request.version),
    )
    .map(([group, version, kind, resource]) => ({ group, version, kind, resource }));
}
