import { defineK8sRule } from '../../define.js';
import { containerViolations, describe, field } from '../helpers.js';

export const noPrivilegedContainers = defineK8sRule({
  meta: {
    id: 'KSV017',
    name: 'no-privileged-containers',
    trivyId: 'kubernetes-no-privileged-containers',
    severity: 'high',
    title: 'Privileged',
    description: 'No container may set `securityContext.privileged: true`.',
    rationale:
      'A privileged container has every capability and access to all host devices: it is root on the node.',
    fix: '```yaml\ncontainers:\n  - name: app\n    securityContext:\n      privileged: false   # or leave it unset\n```',
    pss: {
      level: 'baseline',
      control: 'Privileged Containers',
      check: 'privileged',
      since: '1.0',
    },
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
});
