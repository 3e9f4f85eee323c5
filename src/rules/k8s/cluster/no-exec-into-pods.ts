import type { K8sRule } from '../../types.js';
import { hasAny, ROLE_KINDS, roleLabel, ruleEntryViolations, WRITE_VERBS } from './rbac.js';

export const noExecIntoPods: K8sRule = {
  meta: {
    target: 'kubernetes',
    id: 'KSV053',
    name: 'no-exec-into-pods',
    aliases: ['KSV-0053', 'AVD-KSV-0053', 'kubernetes-no-getting-shell-pods'],
    severity: 'high',
    title: 'Exec into Pods',
    description: `A Role or ClusterRole must not grant write verbs (${WRITE_VERBS.join(', ')}) on \`pods/exec\`.`,
    rationale:
      'Exec into a container that has host access or a powerful service account is a common path to cluster-admin.',
    fix: "Remove `pods/exec` from the rule; use ephemeral debug containers through a break-glass role instead:\n\n```yaml\nrules:\n  - apiGroups: ['']\n    resources: ['pods', 'pods/log']\n    verbs: ['get', 'list']\n```",
    references: [
      'https://kubernetes.io/docs/concepts/security/rbac-good-practices/',
      'https://avd.aquasec.com/misconfig/ksv053',
    ],
  },
  kinds: ROLE_KINDS,
  check: (resource) =>
    ruleEntryViolations(
      resource,
      ROLE_KINDS,
      (rule) => hasAny(rule.resources, ['pods/exec']) && hasAny(rule.verbs, WRITE_VERBS),
      () =>
        `${roleLabel(resource)} should not have access to resource 'pods/exec' for verbs ${WRITE_VERBS.join(', ')}`,
    ),
};
