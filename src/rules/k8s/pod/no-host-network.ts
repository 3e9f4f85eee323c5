import { defineK8sRule } from '../../define.js';
import { podFlagViolation } from '../helpers.js';

export const noHostNetwork = defineK8sRule({
  meta: {
    id: 'KSV009',
    name: 'no-host-network',
    trivyId: 'kubernetes-no-host-network',
    severity: 'high',
    title: 'Access to host network',
    description: 'The pod must not set `spec.hostNetwork: true`.',
    rationale:
      "A pod on the host's network namespace sees every interface of the node, can bind its ports and reach services listening on localhost, bypassing NetworkPolicies.",
    fix: '```yaml\nspec:\n  hostNetwork: false   # or leave it unset\n```',
    pss: {
      level: 'baseline',
      control: 'Host Namespaces',
      check: 'hostNamespaces',
      since: '1.0',
    },
  },
  check: (resource) => podFlagViolation(resource, 'hostNetwork'),
});
