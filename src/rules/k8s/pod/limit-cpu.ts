import { defineK8sRule } from '../../define.js';
import { missingResourceViolations } from './resources.js';

export const limitCpu = defineK8sRule({
  meta: {
    id: 'KSV011',
    name: 'limit-cpu',
    trivyId: 'kubernetes-limit-cpu',
    severity: 'low',
    title: 'CPU not limited',
    description: 'Every container must set `resources.limits.cpu`.',
    rationale:
      'Without a CPU limit one container can starve every other workload on its node; enforcing CPU limits prevents denial of service by resource exhaustion.',
    fix: '```yaml\ncontainers:\n  - name: app\n    resources:\n      limits:\n        cpu: 500m\n```',
  },
  check: (resource) => missingResourceViolations(resource, 'limits', 'cpu'),
});
