import { defineK8sRule } from '../../define.js';
import { missingResourceViolations } from './resources.js';

export const limitMemory = defineK8sRule({
  meta: {
    id: 'KSV018',
    name: 'limit-memory',
    trivyId: 'kubernetes-limit-memory',
    severity: 'low',
    title: 'Memory not limited',
    description: 'Every container must set `resources.limits.memory`.',
    rationale:
      "Without a memory limit a leaking or compromised container can exhaust the node's memory and get other workloads OOM-killed.",
    fix: '```yaml\ncontainers:\n  - name: app\n    resources:\n      limits:\n        memory: 256Mi\n```',
  },
  check: (resource) => missingResourceViolations(resource, 'limits', 'memory'),
});
