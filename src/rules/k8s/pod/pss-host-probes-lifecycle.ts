import { defineK8sRule } from '../../define.js';
import type { Path } from '../../../sources/resource.js';
import { containerViolations, describe, objectAt } from '../helpers.js';

const HANDLERS: readonly (readonly string[])[] = [
  ['livenessProbe'],
  ['readinessProbe'],
  ['startupProbe'],
  ['lifecycle', 'postStart'],
  ['lifecycle', 'preStop'],
];

const ACTIONS: readonly string[] = ['httpGet', 'tcpSocket'];

export const pssHostProbesLifecycle = defineK8sRule({
  meta: {
    id: 'KPG108',
    name: 'pss-host-probes-lifecycle',
    severity: 'high',
    title: 'Probe or lifecycle hook targets another host',
    description:
      'Pod Security Standards baseline, Host Probes / Lifecycle Hooks (policy version 1.34+): `httpGet.host` and `tcpSocket.host` of the liveness, readiness and startup probes and of the postStart and preStop hooks of every container must be unset or empty — even `127.0.0.1`.',
    rationale:
      "The kubelet runs probes and hooks from the node's network namespace: a `host` field turns them into requests the node makes on the pod's behalf to any address it can reach (a server-side request forgery).",
    fix: 'Remove the `host` field: probes and hooks then target the pod IP.',
    pss: {
      level: 'baseline',
      control: 'Host Probes / Lifecycle Hooks',
      check: 'hostProbesAndHostLifecycle',
      since: '1.34',
    },
  },
  check: (resource) =>
    containerViolations(resource, (entry) => {
      for (const handlerPath of HANDLERS) {
        let handler = objectAt(entry.container, handlerPath[0]);
        if (handlerPath.length > 1) handler = objectAt(handler, handlerPath[1]);
        for (const action of ACTIONS) {
          const host = objectAt(handler, action)?.host;
          if (host === undefined || host === null || host === '') continue;
          const path: Path = [...entry.path, ...handlerPath, action, 'host'];
          return {
            message: `${describe(resource, entry)} must not set '${handlerPath.join('.')}.${action}.host'`,
            path,
          };
        }
      }
      return undefined;
    }),
});
