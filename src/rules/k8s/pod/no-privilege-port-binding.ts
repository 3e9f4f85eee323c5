import { defineK8sRule } from '../../define.js';
import { containerViolations, describe, listAt } from '../helpers.js';

export const noPrivilegePortBinding = defineK8sRule({
  meta: {
    id: 'KSV117',
    name: 'no-privilege-port-binding',
    trivyId: 'kubernetes-no-privilege-port-binding',
    severity: 'medium',
    title: 'Prevent binding to privileged ports',
    description: 'No container may declare a `containerPort` below 1024.',
    rationale:
      'Binding a port below 1024 needs root or NET_BIND_SERVICE inside the container; listening on an unprivileged port lets the container drop both.',
    fix: '```yaml\ncontainers:\n  - name: app\n    ports:\n      - containerPort: 8080   # expose 80 through the Service instead\n```',
  },
  check: (resource) =>
    containerViolations(resource, (entry) => {
      const index = listAt(entry.container, 'ports').findIndex((port) => {
        const value = (port as { containerPort?: unknown } | null)?.containerPort;
        return typeof value === 'number' && value < 1024;
      });
      if (index < 0) return undefined;
      return {
        message: `${describe(resource, entry)} should not set 'ports[*].containerPort' to less than 1024`,
        path: [...entry.path, 'ports', index, 'containerPort'],
      };
    }),
});
