import { defineK8sRule } from '../../define.js';
import type { K8sViolation } from '../../types.js';
import {
  containerSecurityContext,
  describe,
  podSecurityContext,
  usesUserNamespace,
} from '../helpers.js';
import { pssAtLeast } from './pss-version.js';

/** From this policy version on, a pod with `hostUsers: false` is exempt (root in a user namespace is
 *  not root on the node); before it the exemption hung on an alpha feature gate PSA no longer honours. */
const USER_NAMESPACE_EXEMPT_SINCE = '1.35';

export const pssRunningAsNonRoot = defineK8sRule({
  meta: {
    id: 'KPG111',
    name: 'pss-running-as-non-root',
    severity: 'medium',
    title: 'Not required to run as non-root',
    description:
      'Pod Security Standards restricted, Running as Non-root: `runAsNonRoot` must be `true` on the pod, or on every container; no container (and not the pod) may set it to `false`. Pods with `hostUsers: false` are exempt (policy version 1.35+: root in a user namespace is not root on the node).',
    rationale:
      '`runAsNonRoot: true` makes the kubelet refuse to start a container whose image would run as UID 0.',
    fix: '```yaml\nspec:\n  securityContext:\n    runAsNonRoot: true\n```',
    pss: {
      level: 'restricted',
      control: 'Running as Non-root',
      check: 'runAsNonRoot',
      since: '1.0',
      changes: [
        { version: USER_NAMESPACE_EXEMPT_SINCE, change: 'pods with `hostUsers: false` are exempt' },
      ],
    },
    references: ['KSV012'],
  },
  check: (resource, _options, context) => {
    const pod = resource.pod;
    if (!pod) return [];
    if (pssAtLeast(context, USER_NAMESPACE_EXEMPT_SINCE) && usesUserNamespace(pod)) return [];
    const violations: K8sViolation[] = [];
    const podValue = podSecurityContext(pod)?.runAsNonRoot;
    if (podValue === false) {
      violations.push({
        message: `${describe(resource)} must not set 'securityContext.runAsNonRoot' to false`,
        path: [...pod.specPath, 'securityContext', 'runAsNonRoot'],
      });
    }
    for (const entry of pod.containers) {
      const value = containerSecurityContext(entry)?.runAsNonRoot;
      if (value === true || ((value === undefined || value === null) && podValue === true))
        continue;
      const explicit = value !== undefined && value !== null;
      violations.push({
        message: explicit
          ? `${describe(resource, entry)} must not set 'securityContext.runAsNonRoot' to false`
          : `${describe(resource, entry)} should set 'securityContext.runAsNonRoot' to true (or the pod should)`,
        path: explicit ? [...entry.path, 'securityContext', 'runAsNonRoot'] : entry.path,
        container: entry.name,
      });
    }
    return violations;
  },
});
