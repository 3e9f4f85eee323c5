import { defineK8sRule } from '../../define.js';
import { isObject, type KubeObject } from '../../../sources/resource.js';

const CORE_COMPONENTS = ['kube-apiserver', 'etcd', 'kube-controller-manager', 'kube-scheduler'];

/** A control-plane static pod as kubeadm writes it: the one thing that belongs in kube-system. */
function isCoreComponent(object: KubeObject): boolean {
  const labels = isObject(object.metadata) ? object.metadata.labels : undefined;
  const spec = object.spec;
  return (
    isObject(labels) &&
    labels.tier === 'control-plane' &&
    typeof labels.component === 'string' &&
    CORE_COMPONENTS.includes(labels.component) &&
    isObject(spec) &&
    spec.priorityClassName === 'system-node-critical'
  );
}

export const noUserResourcesInSystemNamespace = defineK8sRule({
  meta: {
    id: 'KSV037',
    name: 'no-user-resources-in-system-namespace',
    trivyId: 'kubernetes-no-user-resources-in-system-namespace',
    aliases: ['no-user-pods-in-system-namespace'],
    severity: 'medium',
    title: 'User resources should not be placed in kube-system namespace',
    description:
      'No resource may set `metadata.namespace: kube-system`, except the control-plane static pods (`tier: control-plane`, `component` one of kube-apiserver, etcd, kube-controller-manager, kube-scheduler, `priorityClassName: system-node-critical`).',
    rationale:
      'kube-system holds the control plane and its credentials; workloads there share its service accounts, quotas and blast radius, and are exempted from many admission policies.',
    fix: 'Deploy into a namespace of your own:\n\n```yaml\nmetadata:\n  name: app\n  namespace: app\n```',
    references: [
      'https://kubernetes.io/docs/reference/setup-tools/kubeadm/implementation-details/',
    ],
  },
  check: (resource) => {
    if (resource.ref.namespace !== 'kube-system' || isCoreComponent(resource.object)) return [];
    return [
      {
        message: `${resource.ref.kind} '${resource.ref.name}' should not be set with 'kube-system' namespace`,
        path: ['metadata', 'namespace'],
      },
    ];
  },
});
