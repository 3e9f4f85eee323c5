import { defineK8sRule } from '../../define.js';
import { containerViolations, describe, listAt } from '../helpers.js';

export const noHostPortAccess = defineK8sRule({
  meta: {
    id: 'KSV024',
    name: 'no-host-port-access',
    trivyId: 'kubernetes-no-host-port-access',
    severity: 'high',
    title: 'Access to host ports',
    description:
      "No container port may set `hostPort` (Trivy's reading: even `hostPort: 0`, which the PSS control KPG102 allows).",
    rationale:
      "A host port binds the container to the node's network interface, bypassing Services and NetworkPolicies and limiting scheduling.",
    fix: 'Remove `ports[].hostPort` and expose the container through a Service.',
    references: ['KPG102'],
  },
  check: (resource) =>
    containerViolations(resource, (entry) => {
      const index = listAt(entry.container, 'ports').findIndex(
        (port) =>
          typeof port === 'object' &&
          port !== null &&
          'hostPort' in port &&
          (port as { hostPort: unknown }).hostPort !== null,
      );
      if (index < 0) return undefined;
      return {
        message: `${describe(resource, entry)} should not set host ports, 'ports[*].hostPort'`,
        path: [...entry.path, 'ports', index, 'hostPort'],
      };
    }),
});
