import type { K8sRule } from '../../types.js';
import { trivyAliases } from '../helpers.js';
import { missingResourceViolations } from './resources.js';

export const noUnspecifiedMemoryRequests: K8sRule = {
  meta: {
    target: 'kubernetes',
    id: 'KSV016',
    name: 'no-unspecified-memory-requests',
    aliases: trivyAliases('KSV016', 'kubernetes-no-unspecified-memory-requests'),
    severity: 'low',
    title: 'Memory requests not specified',
    description: 'Every container must set `resources.requests.memory`.',
    rationale:
      'The scheduler places pods by their requests: without a memory request it may overcommit a node, and the container is among the first evicted under memory pressure.',
    fix: '```yaml\ncontainers:\n  - name: app\n    resources:\n      requests:\n        memory: 128Mi\n```',
    references: ['https://avd.aquasec.com/misconfig/ksv016'],
  },
  check: (resource) => missingResourceViolations(resource, 'requests', 'memory'),
};
