import { defineK8sRule } from '../../define.js';

interface RemovedApi {
  /** Kubernetes minor release that no longer serves it. */
  removedIn: string;
  /** The apiVersion to migrate to, or what replaces the kind when it is gone. */
  replacement: string;
}

/** API versions that Kubernetes has removed, by apiVersion and kind, from the Kubernetes
 *  deprecated API migration guide. Trivy keeps a similar table (generated from
 *  prerelease-lifecycle files); this one is keyed by the apiVersion a manifest really writes. */
const REMOVED = new Map<string, Map<string, RemovedApi>>();

function removed(apiVersion: string, kinds: string[], removedIn: string, replacement: string) {
  const byKind = REMOVED.get(apiVersion) ?? new Map<string, RemovedApi>();
  for (const kind of kinds) byKind.set(kind, { removedIn, replacement });
  REMOVED.set(apiVersion, byKind);
}

removed('extensions/v1beta1', ['DaemonSet', 'Deployment', 'ReplicaSet'], '1.16', 'apps/v1');
removed('extensions/v1beta1', ['NetworkPolicy'], '1.16', 'networking.k8s.io/v1');
removed('extensions/v1beta1', ['PodSecurityPolicy'], '1.16', 'Pod Security Admission');
removed('apps/v1beta1', ['Deployment', 'StatefulSet', 'ControllerRevision'], '1.16', 'apps/v1');
removed(
  'apps/v1beta2',
  ['DaemonSet', 'Deployment', 'ReplicaSet', 'StatefulSet', 'ControllerRevision'],
  '1.16',
  'apps/v1',
);
removed('extensions/v1beta1', ['Ingress'], '1.22', 'networking.k8s.io/v1');
removed('networking.k8s.io/v1beta1', ['Ingress', 'IngressClass'], '1.22', 'networking.k8s.io/v1');
removed(
  'admissionregistration.k8s.io/v1beta1',
  ['MutatingWebhookConfiguration', 'ValidatingWebhookConfiguration'],
  '1.22',
  'admissionregistration.k8s.io/v1',
);
removed(
  'apiextensions.k8s.io/v1beta1',
  ['CustomResourceDefinition'],
  '1.22',
  'apiextensions.k8s.io/v1',
);
removed('apiregistration.k8s.io/v1beta1', ['APIService'], '1.22', 'apiregistration.k8s.io/v1');
removed('authentication.k8s.io/v1beta1', ['TokenReview'], '1.22', 'authentication.k8s.io/v1');
removed(
  'authorization.k8s.io/v1beta1',
  [
    'SubjectAccessReview',
    'LocalSubjectAccessReview',
    'SelfSubjectAccessReview',
    'SelfSubjectRulesReview',
  ],
  '1.22',
  'authorization.k8s.io/v1',
);
removed(
  'certificates.k8s.io/v1beta1',
  ['CertificateSigningRequest'],
  '1.22',
  'certificates.k8s.io/v1',
);
removed('coordination.k8s.io/v1beta1', ['Lease'], '1.22', 'coordination.k8s.io/v1');
for (const version of ['v1alpha1', 'v1beta1']) {
  removed(
    `rbac.authorization.k8s.io/${version}`,
    ['ClusterRole', 'ClusterRoleBinding', 'Role', 'RoleBinding'],
    '1.22',
    'rbac.authorization.k8s.io/v1',
  );
  removed(`scheduling.k8s.io/${version}`, ['PriorityClass'], '1.22', 'scheduling.k8s.io/v1');
}
removed(
  'storage.k8s.io/v1beta1',
  ['CSIDriver', 'CSINode', 'StorageClass', 'VolumeAttachment'],
  '1.22',
  'storage.k8s.io/v1',
);
removed('batch/v1beta1', ['CronJob'], '1.25', 'batch/v1');
removed('discovery.k8s.io/v1beta1', ['EndpointSlice'], '1.25', 'discovery.k8s.io/v1');
removed('events.k8s.io/v1beta1', ['Event'], '1.25', 'events.k8s.io/v1');
removed('autoscaling/v2beta1', ['HorizontalPodAutoscaler'], '1.25', 'autoscaling/v2');
removed('policy/v1beta1', ['PodDisruptionBudget'], '1.25', 'policy/v1');
removed('policy/v1beta1', ['PodSecurityPolicy'], '1.25', 'Pod Security Admission');
removed('node.k8s.io/v1beta1', ['RuntimeClass'], '1.25', 'node.k8s.io/v1');
removed('autoscaling/v2beta2', ['HorizontalPodAutoscaler'], '1.26', 'autoscaling/v2');
removed('storage.k8s.io/v1beta1', ['CSIStorageCapacity'], '1.27', 'storage.k8s.io/v1');
removed(
  'flowcontrol.apiserver.k8s.io/v1beta1',
  ['FlowSchema', 'PriorityLevelConfiguration'],
  '1.26',
  'flowcontrol.apiserver.k8s.io/v1',
);
removed(
  'flowcontrol.apiserver.k8s.io/v1beta2',
  ['FlowSchema', 'PriorityLevelConfiguration'],
  '1.29',
  'flowcontrol.apiserver.k8s.io/v1',
);
removed(
  'flowcontrol.apiserver.k8s.io/v1beta3',
  ['FlowSchema', 'PriorityLevelConfiguration'],
  '1.32',
  'flowcontrol.apiserver.k8s.io/v1',
);

export const noDeprecatedApiVersions = defineK8sRule({
  meta: {
    id: 'KSV107',
    name: 'no-deprecated-api-versions',
    trivyId: 'kubernetes-evaluate-k8s-deprecated-removed-apis',
    severity: 'low',
    title: "The deprecated 'apiVersion' and 'kind' should not be used",
    description:
      'A resource must not use an `apiVersion` that Kubernetes has deprecated and removed for its `kind` (for example `extensions/v1beta1` Deployment, `policy/v1beta1` PodDisruptionBudget, `batch/v1beta1` CronJob). The message names the release that removed it and the replacement.',
    rationale:
      'The API server of a current cluster rejects a removed API version: the manifest fails to apply at the next upgrade, usually in the middle of a rollout.',
    fix: 'Move to the replacement apiVersion, checking the fields that changed:\n\n```yaml\napiVersion: apps/v1   # was extensions/v1beta1\nkind: Deployment\nspec:\n  selector:           # required in apps/v1\n    matchLabels: { app: web }\n```',
    references: ['https://kubernetes.io/docs/reference/using-api/deprecation-guide/'],
  },
  check: (resource) => {
    const { apiVersion, kind } = resource.ref;
    const api = REMOVED.get(apiVersion)?.get(kind);
    if (!api) return [];
    return [
      {
        message: `apiVersion '${apiVersion}' and kind '${kind}' should be replaced with the new API '${api.replacement}' (removed in Kubernetes ${api.removedIn})`,
        path: ['apiVersion'],
      },
    ];
  },
});
