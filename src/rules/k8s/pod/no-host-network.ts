import type { K8sRule } from '../../types.js';
import { podFlagViolation } from '../helpers.js';

export const noHostNetwork: K8sRule = {
  meta: {
    target: 'kubernetes',
    id: 'KSV009',
    name: 'no-host-network',
    aliases: ['KSV-0009', 'AVD-KSV-0009', 'kubernetes-no-host-network'],
    severity: 'high',
    title: 'Access to host network',
    description: 'The pod must not set `spec.hostNetwork: true`.',
    rationale:
      "A pod on the host's network namespace sees every interface of the node, can bind its ports and reach services listening on localhost, bypassing NetworkPolicies.",
    fix: '```yaml\nspec:\n  hostNetwork: false   # or leave it unset\n```',
    pss: { level: 'baseline', control: 'Host Namespaces' },
    references: [
      'https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline',
      'https://avd.aquasec.com/misconfig/ksv009',
    ],
  },
  check: (resource) => podFlagViolation(resource, 'hostNetwork'),
};
