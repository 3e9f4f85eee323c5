import { defineK8sRule } from '../../define.js';
import { grants, RBAC_GROUP, ROLE_KINDS, rulePairViolations } from './rbac.js';

export const noClusterRoleBindingToAnyClusterRole = defineK8sRule({
  meta: {
    id: 'KSV052',
    name: 'no-clusterrolebinding-to-any-clusterrole',
    trivyId: 'kubernetes-allow-role-clusterrolebindings-associate-privileged-cluster-role',
    severity: 'high',
    title: 'Do not allow role to create ClusterRoleBindings and association with privileged role',
    description:
      "A Role or ClusterRole must not combine `create` on `clusterrolebindings` (API group `rbac.authorization.k8s.io`) with a later rule granting `bind` on `clusterroles` with `resourceNames: ['*']`.",
    rationale:
      'Creating ClusterRoleBindings plus binding any ClusterRole lets the subject make itself cluster-admin.',
    fix: "Name the ClusterRoles that may be bound:\n\n```yaml\nrules:\n  - apiGroups: ['rbac.authorization.k8s.io']\n    resources: ['clusterrolebindings']\n    verbs: ['create']\n  - apiGroups: ['rbac.authorization.k8s.io']\n    resources: ['clusterroles']\n    resourceNames: ['view']\n    verbs: ['bind']\n```",
    references: [
      'https://kubernetes.io/docs/reference/access-authn-authz/rbac/#restrictions-on-role-binding-creation-or-update',
    ],
  },
  kinds: ROLE_KINDS,
  check: (resource) =>
    rulePairViolations(
      resource,
      (rule) =>
        grants(rule, {
          apiGroups: [RBAC_GROUP],
          resources: ['clusterrolebindings'],
          verbs: ['create'],
        }),
      // Trivy checks the API group on the first entry only.
      (rule) =>
        grants(rule, { resources: ['clusterroles'], verbs: ['bind'], resourceNames: ['*'] }),
      `${resource.ref.kind} '${resource.ref.name}' permits creation of cluster role binding and association with privileged cluster role`,
    ),
});
