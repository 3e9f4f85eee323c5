import type { K8sRule } from '../../types.js';
import { hasAny, ROLE_KINDS, roleLabel, ruleEntryViolations } from './rbac.js';

export const noEditOwnRoleBindings: K8sRule = {
  meta: {
    target: 'kubernetes',
    id: 'KSV055',
    name: 'no-edit-own-rolebindings',
    // Trivy's long ID for this check really is "view-all-secrets".
    aliases: ['KSV-0055', 'AVD-KSV-0055', 'kubernetes-view-all-secrets'],
    severity: 'low',
    title: 'Do not allow users in a rolebinding to add other users to their rolebindings',
    description:
      "A Role or ClusterRole must not grant both `get` and `patch` on `rolebindings` for all API groups (`apiGroups: ['*']`) in one rule.",
    rationale:
      'A subject that can read and patch RoleBindings can add other users to its own bindings, handing out its access without review.',
    fix: "Grant read access only:\n\n```yaml\nrules:\n  - apiGroups: ['rbac.authorization.k8s.io']\n    resources: ['rolebindings']\n    verbs: ['get', 'list']\n```",
    references: [
      'https://kubernetes.io/docs/concepts/security/rbac-good-practices/',
      'https://avd.aquasec.com/misconfig/ksv055',
    ],
  },
  kinds: ROLE_KINDS,
  check: (resource) =>
    ruleEntryViolations(
      resource,
      ROLE_KINDS,
      (rule) =>
        hasAny(rule.apiGroups, ['*']) &&
        hasAny(rule.resources, ['rolebindings']) &&
        hasAny(rule.verbs, ['get']) &&
        hasAny(rule.verbs, ['patch']),
      () =>
        `${roleLabel(resource)} permits allowing users in a rolebinding to add other users to their rolebindings`,
    ),
};
