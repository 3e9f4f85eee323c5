import { defineK8sRule } from '../../define.js';
import { missingResourceViolations } from './resources.js';

export const noUnspecifiedCpuRequests = defineK8sRule({
  meta: {
    id: 'KSV015',
    name: 'no-unspecified-cpu-requests',
    trivyId: 'kubernetes-no-unspecified-cpu-requests',
    severity: 'low',
    title: 'CPU requests not specified',
    description: 'Every container must set `resources.requests.cpu`.',
    rationale:
      'The scheduler places pods by their requests: without a CPU request it cannot make good placement decisions or protect the container under contention.',
    fix: '```yaml\ncontainers:\n  - name: app\n    resources:\n      requests:\n        cpu: 250m\n```',
  },
  check: (resource) => missingResourceViolations(resource, 'requests', 'cpu'),
});
