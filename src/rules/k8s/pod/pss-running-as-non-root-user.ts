import { defineK8sRule } from '../../define.js';
import type { K8sViolation } from '../../types.js';
import {
  containerSecurityContext,
  describe,
  podSecurityContext,
  usesUserNamespace,
} from '../helpers.js';

export const pssRunningAsNonRootUser = defineK8sRule({
  meta: {
    id: 'KPG112',
    name: 'pss-running-as-non-root-user',
    severity: 'medium',
    title: 'Runs as UID 0',
    description:
      'Pod Security Standards restricted, Running as Non-root user: neither the pod nor any container may set `securityContext.runAsUser: 0`. Pods with `hostUsers: false` are exempt (policy version 1.35+).',
    rationale: 'UID 0 is root; in the host user namespace it is root on the node as well.',
    fix: '```yaml\nspec:\n  securityContext:\n    runAsUser: 10001\n```',
    pss: { level: 'restricted', control: 'Running as Non-root user' },
    references: [
      'https://kubernetes.io/docs/concepts/security/pod-security-standards/#restricted',
      'KSV105',
    ],
  },
  check: (resource) => {
    const pod = resource.pod;
    if (!pod || usesUserNamespace(pod)) return [];
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
