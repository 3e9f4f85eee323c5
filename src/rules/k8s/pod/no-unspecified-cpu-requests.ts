import type { K8sRule } from '../../types.js';
import { trivyAliases } from '../helpers.js';
import { missingResourceViolations } from './resources.js';

export const noUnspecifiedCpuRequests: K8sRule = {
  meta: {
    target: 'kubernetes',
    id: 'KSV015',
    name: 'no-unspecified-cpu-requests',
    aliases: trivyAliases('KSV015', 'kubernetes-no-unspecified-cpu-requests'),
    severity: 'low',
    title: 'CPU requests not specified',
    description: 'Every container must set `resources.requests.cpu`.',
    rationale:
      'The scheduler places pods by their requests: without a CPU request it cannot make good placement decisions or protect the container under contention.',
    fix: '```yaml\ncontainers:\n  - name: app\n    resources:\n      requests:\n        cpu: 250m\n```',
    references: ['https://avd.aquasec.com/misconfig/ksv015'],
  },
  check: (resource) => missingResourceViolations(resource, 'requests', 'cpu'),
};
