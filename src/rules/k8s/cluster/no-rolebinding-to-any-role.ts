import { defineK8sRule } from '../../define.js';
import { grants, RBAC_GROUP, ROLE_KINDS, rulePairViolations } from './rbac.js';

export const noRoleBindingToAnyRole = defineK8sRule({
  meta: {
    id: 'KSV051',
    name: 'no-rolebinding-to-any-role',
    trivyId: 'kubernetes-do-not-allow-role-binding-associate-privileged-role',
    severity: 'high',
    title: 'Do not allow role binding creation and association with privileged role/clusterrole',
    description:
      "A Role or ClusterRole must not combine `create` on `rolebindings` with a later rule granting `bind` on `roles` or `clusterroles` with `resourceNames: ['*']` (both in the `rbac.authorization.k8s.io` API group).",
    rationale:
      'Creating RoleBindings plus binding any role lets the subject give itself any role in the namespace, including cluster-wide ClusterRoles such as `admin`.',
    fix: "Name the roles that may be bound:\n\n```yaml\nrules:\n  - apiGroups: ['rbac.authorization.k8s.io']\n    resources: ['rolebindings']\n    verbs: ['create']\n  - apiGroups: ['rbac.authorization.k8s.io']\n    resources: ['clusterroles']\n    resourceNames: ['view']\n    verbs: ['bind']\n```",
    references: [
      'https://kubernetes.io/docs/reference/access-authn-authz/rbac/#restrictions-on-role-binding-creation-or-update',
    ],
  },
  kinds: ROLE_KINDS,
  check: (resource) =>
    rulePairViolations(
      resource,
      (rule) =>
        grants(rule, { apiGroups: [RBAC_GROUP], resources: ['rolebindings'], verbs: ['create'] }),
      (rule) =>
        grants(rule, {
          apiGroups: [RBAC_GROUP],
          resources: ['clusterroles', 'roles'],
          verbs: ['bind'],
          resourceNames: ['*'],
        }),
      `${resource.ref.kind} '${resource.ref.name}' permits creation of role binding and association with privileged role`,
    ),
});
