import { defineK8sRule } from '../../define.js';
import { podFlagViolation } from '../helpers.js';

export const noHostPid = defineK8sRule({
  meta: {
    id: 'KSV010',
    name: 'no-host-pid',
    trivyId: 'kubernetes-no-host-pid',
    severity: 'high',
    title: 'Access to host PID',
    description: 'The pod must not set `spec.hostPID: true`.',
    rationale:
      "A pod in the host's PID namespace sees and can signal every process on the node, and read their environment and memory through /proc.",
    fix: '```yaml\nspec:\n  hostPID: false   # or leave it unset\n```',
    pss: {
      level: 'baseline',
      control: 'Host Namespaces',
      check: 'hostNamespaces',
      since: '1.0',
    },
  },
  check: (resource) => podFlagViolation(resource, 'hostPID'),
});
