import { defineK8sRule } from '../../define.js';
import { isObject } from '../../../sources/resource.js';

/** Present and not `false`: Rego's truthiness, which Trivy's `has_field` relies on. */
const has = (object: unknown, key: string) =>
  isObject(object) && object[key] !== undefined && object[key] !== false;

function peersHaveSelector(rules: unknown, peersKey: 'from' | 'to'): boolean {
  if (!Array.isArray(rules)) return false;
  return rules.some((rule) => {
    const peers = isObject(rule) ? rule[peersKey] : undefined;
    return (
      Array.isArray(peers) &&
      peers.some((peer) => has(peer, 'podSelector') || has(peer, 'namespaceSelector'))
    );
  });
}

export const networkPolicySelectors = defineK8sRule({
  meta: {
    id: 'KSV038',
    name: 'network-policy-selectors',
    trivyId: 'kubernetes-selector-usage-in-network-policies',
    severity: 'medium',
    title: 'Selector usage in network policies',
    description:
      'A NetworkPolicy must select pods or namespaces: `spec.podSelector` or `spec.namespaceSelector`, or a `podSelector`/`namespaceSelector` in one of its ingress `from` or egress `to` peers.',
    rationale:
      'A policy that selects nothing restricts nothing: traffic inside the pod network stays open while the manifest suggests otherwise.',
    fix: '```yaml\nkind: NetworkPolicy\nspec:\n  podSelector:\n    matchLabels:\n      app: db\n  ingress:\n    - from:\n        - podSelector:\n            matchLabels:\n              app: api\n```',
    references: ['https://kubernetes.io/docs/concepts/services-networking/network-policies/'],
  },
  kinds: ['NetworkPolicy'],
  check: (resource) => {
    const spec = resource.object.spec;
    const selects =
      has(spec, 'podSelector') ||
      has(spec, 'namespaceSelector') ||
      (isObject(spec) &&
        (peersHaveSelector(spec.ingress, 'from') || peersHaveSelector(spec.egress, 'to')));
    if (selects) return [];
    return [
      {
        message: `NetworkPolicy '${resource.ref.name}' should use podSelector and/or namespaceSelector to restrict ingress and egress traffic within the Pod network`,
        path: ['spec'],
      },
    ];
  },
});
