import type { K8sRule } from '../../types.js';
import { podFlagViolation, trivyAliases } from '../helpers.js';

export const noSharedIpcNamespace: K8sRule = {
  meta: {
    target: 'kubernetes',
    id: 'KSV008',
    name: 'no-shared-ipc-namespace',
    aliases: trivyAliases('KSV008', 'kubernetes-no-shared-ipc-namespace'),
    severity: 'high',
    title: 'Access to host IPC namespace',
    description: 'The pod must not set `spec.hostIPC: true`.',
    rationale:
      "Sharing the host's IPC namespace lets container processes read and write the shared memory and message queues of every process on the node.",
    fix: '```yaml\nspec:\n  hostIPC: false   # or leave it unset\n```',
    pss: { level: 'baseline', control: 'Host Namespaces' },
    references: [
      'https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline',
      'https://avd.aquasec.com/misconfig/ksv008',
    ],
  },
  check: (resource) => podFlagViolation(resource, 'hostIPC'),
};
