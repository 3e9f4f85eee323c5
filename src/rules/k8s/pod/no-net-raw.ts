import { defineK8sRule } from '../../define.js';
import { capabilityAddedViolations } from './capabilities.js';

export const noNetRaw = defineK8sRule({
  meta: {
    id: 'KSV119',
    name: 'no-net-raw',
    trivyId: 'kubernetes-no-net-raw',
    severity: 'high',
    title: 'NET_RAW capability added',
    description: 'No container may add `NET_RAW` in `securityContext.capabilities.add`.',
    rationale:
      'NET_RAW lets a process craft raw packets: spoof addresses, sniff traffic on the pod network, and attack other pods (ARP/DNS spoofing).',
    fix: '```yaml\ncontainers:\n  - name: app\n    securityContext:\n      capabilities:\n        drop: ["ALL"]   # and do not add NET_RAW\n```',
    references: ['KPG101'],
  },
  check: (resource) => capabilityAddedViolations(resource, 'NET_RAW'),
});
