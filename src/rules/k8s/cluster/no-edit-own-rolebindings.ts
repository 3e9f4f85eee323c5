import { defineK8sRule } from '../../define.js';
import { grants, ROLE_KINDS, roleLabel, ruleEntryViolations } from './rbac.js';

export const noEditOwnRoleBindings = defineK8sRule({
  meta: {
    id: 'KSV055',
    name: 'no-edit-own-rolebindings',
    // Trivy's long ID for this check really is "view-all-secrets".
    trivyId: 'kubernetes-view-all-secrets',
    severity: 'low',
    title: 'Do not allow users in a rolebinding to add other users to their rolebindings',
    description:
      "A Role or ClusterRole must not grant both `get` and `patch` on `rolebindings` for all API groups (`apiGroups: ['*']`) in one rule.",
    rationale:
      'A subject that can read and patch RoleBindings can add other users to its own bindings, handing out its access without review.',
    fix: "Grant read access only:\n\n```yaml\nrules:\n  - apiGroups: ['rbac.authorization.k8s.io']\n    resources: ['rolebindings']\n    verbs: ['get', 'list']\n```",
    references: ['https://kubernetes.io/docs/concepts/security/rbac-good-practices/'],
  },
  kinds: ROLE_KINDS,
  check: (resource) =>
    ruleEntryViolations(
      resource,
      // Both verbs, in one entry.
      (rule) =>
        grants(rule, { apiGroups: ['*'], resources: ['rolebindings'], verbs: ['get'] }) &&
        grants(rule, { verbs: ['patch'] }),
      () =>
        `${roleLabel(resource)} permits allowing users in a rolebinding to add other users to their rolebindings`,
    ),
});
