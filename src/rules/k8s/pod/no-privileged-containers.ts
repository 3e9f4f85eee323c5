import type { K8sRule } from '../../types.js';
import { containerViolations, describe, field } from '../helpers.js';

export const noPrivilegedContainers: K8sRule = {
  meta: {
    target: 'kubernetes',
    id: 'KSV017',
    name: 'no-privileged-containers',
    aliases: ['KSV-0017', 'AVD-KSV-0017', 'kubernetes-no-privileged-containers'],
    severity: 'high',
    title: 'Privileged',
    description: 'No container may set `securityContext.privileged: true`.',
    rationale:
      'A privileged container has every capability and access to all host devices: it is root on the node.',
    fix: '```yaml\ncontainers:\n  - name: app\n    securityContext:\n      privileged: false   # or leave it unset\n```',
    pss: { level: 'baseline', control: 'Privileged Containers' },
    references: [
      'https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline',
      'https://avd.aquasec.com/misconfig/ksv017',
    ],
  },
  check: (resource) =>
    containerViolations(resource, (entry) =>
      field(entry.container, 'securityContext', 'privileged') === true
        ? {
            message: `${describe(resource, entry)} should set 'securityContext.privileged' to false`,
            path: [...entry.path, 'securityContext', 'privileged'],
          }
        : undefined,
    ),
};
