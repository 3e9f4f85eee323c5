import type { K8sRule } from '../../types.js';
import { trivyAliases } from '../helpers.js';
import { missingResourceViolations } from './resources.js';

export const limitCpu: K8sRule = {
  meta: {
    target: 'kubernetes',
    id: 'KSV011',
    name: 'limit-cpu',
    aliases: trivyAliases('KSV011', 'kubernetes-limit-cpu'),
    severity: 'low',
    title: 'CPU not limited',
    description: 'Every container must set `resources.limits.cpu`.',
    rationale:
      'Without a CPU limit one container can starve every other workload on its node; enforcing CPU limits prevents denial of service by resource exhaustion.',
    fix: '```yaml\ncontainers:\n  - name: app\n    resources:\n      limits:\n        cpu: 500m\n```',
    references: ['https://avd.aquasec.com/misconfig/ksv011'],
  },
  check: (resource) => missingResourceViolations(resource, 'limits', 'cpu'),
};
