import { defineK8sRule } from '../../define.js';
import { podFlagViolation } from '../helpers.js';

export const noSharedIpcNamespace = defineK8sRule({
  meta: {
    id: 'KSV008',
    name: 'no-shared-ipc-namespace',
    trivyId: 'kubernetes-no-shared-ipc-namespace',
    severity: 'high',
    title: 'Access to host IPC namespace',
    description: 'The pod must not set `spec.hostIPC: true`.',
    rationale:
      "Sharing the host's IPC namespace lets container processes read and write the shared memory and message queues of every process on the node.",
    fix: '```yaml\nspec:\n  hostIPC: false   # or leave it unset\n```',
    pss: {
      level: 'baseline',
      control: 'Host Namespaces',
      check: 'hostNamespaces',
      since: '1.0',
    },
  },
  check: (resource) => podFlagViolation(resource, 'hostIPC'),
});
