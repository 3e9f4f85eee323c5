import { defineK8sRule } from '../../define.js';
import { grants, ROLE_KINDS, roleLabel, ruleEntryViolations } from './rbac.js';

const VERBS = ['delete', 'deletecollection', '*'];

export const noDeletePodLogs = defineK8sRule({
  meta: {
    id: 'KSV042',
    name: 'no-delete-pod-logs',
    trivyId: 'kubernetes-no-delete-pod-logs',
    severity: 'medium',
    title: 'Delete pod logs',
    description:
      'A Role or ClusterRole must not grant `delete`, `deletecollection` or `*` on `pods/log`.',
    rationale:
      "Deleting pod logs covers an attacker's tracks (though most clusters ship logs off-cluster quickly).",
    fix: "Grant read access only:\n\n```yaml\nrules:\n  - apiGroups: ['']\n    resources: ['pods/log']\n    verbs: ['get', 'list']\n```",
    references: ['https://kubernetes.io/docs/concepts/security/rbac-good-practices/'],
  },
  kinds: ROLE_KINDS,
  check: (resource) =>
    ruleEntryViolations(
      resource,
      (rule) => grants(rule, { resources: ['pods/log'], verbs: VERBS }),
      () =>
        `${roleLabel(resource)} should not have access to resource 'pods/log' for verbs delete, deletecollection, *`,
    ),
});
