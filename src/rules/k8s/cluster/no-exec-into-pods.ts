import { defineK8sRule } from '../../define.js';
import { grants, ROLE_KINDS, roleLabel, ruleEntryViolations, WRITE_VERBS } from './rbac.js';

export const noExecIntoPods = defineK8sRule({
  meta: {
    id: 'KSV053',
    name: 'no-exec-into-pods',
    trivyId: 'kubernetes-no-getting-shell-pods',
    severity: 'high',
    title: 'Exec into Pods',
    description: `A Role or ClusterRole must not grant write verbs (${WRITE_VERBS.join(', ')}) on \`pods/exec\`.`,
    rationale:
      'Exec into a container that has host access or a powerful service account is a common path to cluster-admin.',
    fix: "Remove `pods/exec` from the rule; use ephemeral debug containers through a break-glass role instead:\n\n```yaml\nrules:\n  - apiGroups: ['']\n    resources: ['pods', 'pods/log']\n    verbs: ['get', 'list']\n```",
    references: ['https://kubernetes.io/docs/concepts/security/rbac-good-practices/'],
  },
  kinds: ROLE_KINDS,
  check: (resource) =>
    ruleEntryViolations(
      resource,
      (rule) => grants(rule, { resources: ['pods/exec'], verbs: WRITE_VERBS }),
      () =>
        `${roleLabel(resource)} should not have access to resource 'pods/exec' for verbs ${WRITE_VERBS.join(', ')}`,
    ),
});
