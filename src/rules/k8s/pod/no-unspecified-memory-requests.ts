import { defineK8sRule } from '../../define.js';
import { missingResourceViolations } from './resources.js';

export const noUnspecifiedMemoryRequests = defineK8sRule({
  meta: {
    id: 'KSV016',
    name: 'no-unspecified-memory-requests',
    trivyId: 'kubernetes-no-unspecified-memory-requests',
    severity: 'low',
    title: 'Memory requests not specified',
    description: 'Every container must set `resources.requests.memory`.',
    rationale:
      'The scheduler places pods by their requests: without a memory request it may overcommit a node, and the container is among the first evicted under memory pressure.',
    fix: '```yaml\ncontainers:\n  - name: app\n    resources:\n      requests:\n        memory: 128Mi\n```',
  },
  check: (resource) => missingResourceViolations(resource, 'requests', 'memory'),
});
