import { defineK8sRule } from '../../define.js';
import { containerViolations, describe, listAt } from '../helpers.js';

export const pssHostPorts = defineK8sRule({
  meta: {
    id: 'KPG102',
    name: 'pss-host-ports',
    severity: 'high',
    title: 'Host ports used',
    description:
      'Pod Security Standards baseline, Host Ports: no init, regular or ephemeral container may set `ports[].hostPort` to anything but 0 (or leave it unset).',
    rationale:
      "A host port binds the container to the node's network interface, bypassing Services and NetworkPolicies.",
    fix: 'Remove `ports[].hostPort` and expose the container through a Service.',
    pss: {
      level: 'baseline',
      control: 'Host Ports',
      check: 'hostPorts',
      since: '1.0',
    },
    references: ['KSV024'],
  },
  check: (resource) =>
    containerViolations(resource, (entry) => {
      const index = listAt(entry.container, 'ports').findIndex((port) => {
        const hostPort = (port as { hostPort?: unknown } | null)?.hostPort;
        return hostPort !== undefined && hostPort !== null && hostPort !== 0;
      });
      if (index < 0) return undefined;
      return {
        message: `${describe(resource, entry)} must not set 'ports[*].hostPort'`,
        path: [...entry.path, 'ports', index, 'hostPort'],
      };
    }),
});
