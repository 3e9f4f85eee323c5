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

export const pssRunningAsNonRootUser = defineK8sRule({
  meta: {
    id: 'KPG112',
    name: 'pss-running-as-non-root-user',
    severity: 'medium',
    title: 'Runs as UID 0',
    description:
      'Pod Security Standards restricted, Running as Non-root user: neither the pod nor any container may set `securityContext.runAsUser: 0`. Pods with `hostUsers: false` are exempt (policy version 1.35+). The control exists from policy version 1.23.',
    rationale: 'UID 0 is root; in the host user namespace it is root on the node as well.',
    fix: '```yaml\nspec:\n  securityContext:\n    runAsUser: 10001\n```',
    pss: {
      level: 'restricted',
      control: 'Running as Non-root user',
      check: 'runAsUser',
      since: '1.23',
      changes: [
        { version: USER_NAMESPACE_EXEMPT_SINCE, change: 'pods with `hostUsers: false` are exempt' },
      ],
    },
    references: ['KSV105'],
  },
  check: (resource, _options, context) => {
    const pod = resource.pod;
    if (!pod) return [];
    if (pssAtLeast(context, USER_NAMESPACE_EXEMPT_SINCE) && usesUserNamespace(pod)) return [];
    const violations: K8sViolation[] = [];
    if (podSecurityContext(pod)?.runAsUser === 0) {
      violations.push({
        message: `${describe(resource)} must not set 'securityContext.runAsUser' to 0`,
        path: [...pod.specPath, 'securityContext', 'runAsUser'],
      });
    }
    for (const entry of pod.containers) {
      if (containerSecurityContext(entry)?.runAsUser !== 0) continue;
      violations.push({
        message: `${describe(resource, entry)} must not set 'securityContext.runAsUser' to 0`,
        path: [...entry.path, 'securityContext', 'runAsUser'],
        container: entry.name,
      });
    }
    return violations;
  },
});
