import type { K8sRule } from '../../types.js';
import { trivyAliases } from '../helpers.js';
import { missingResourceViolations } from './resources.js';

export const limitMemory: K8sRule = {
  meta: {
    target: 'kubernetes',
    id: 'KSV018',
    name: 'limit-memory',
    aliases: trivyAliases('KSV018', 'kubernetes-limit-memory'),
    severity: 'low',
    title: 'Memory not limited',
    description: 'Every container must set `resources.limits.memory`.',
    rationale:
      "Without a memory limit a leaking or compromised container can exhaust the node's memory and get other workloads OOM-killed.",
    fix: '```yaml\ncontainers:\n  - name: app\n    resources:\n      limits:\n        memory: 256Mi\n```',
    references: ['https://avd.aquasec.com/misconfig/ksv018'],
  },
  check: (resource) => missingResourceViolations(resource, 'limits', 'memory'),
};
