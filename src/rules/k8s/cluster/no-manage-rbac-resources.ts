import { defineK8sRule } from '../../define.js';
import { grants, ROLE_KINDS, roleLabel, ruleEntryViolations } from './rbac.js';

const RBAC_RESOURCES = ['roles', 'rolebindings'];
/** The verbs that get around RBAC's own escalation check; plain create/update/delete do not,
 *  because the API server refuses a Role granting more than its author holds. */
const VERBS = ['escalate', 'bind', 'impersonate', '*'];

export const noManageRbacResources = defineK8sRule({
  meta: {
    id: 'KSV050',
    name: 'no-manage-rbac-resources',
    trivyId: 'kubernetes-no-privilege-escalation-rbac',
    severity: 'critical',
    title: 'Do not allow privilege escalation via RBAC resources',
    description: `A Role or ClusterRole must not grant ${VERBS.join(', ')} on \`roles\` or \`rolebindings\`.`,
    rationale:
      'RBAC stops a subject from granting more than it holds, unless it has `escalate` (write Roles with any permission), `bind` (bind any Role) or `impersonate`: with those, access to Roles and RoleBindings is an effective level equivalent to cluster-admin.',
    fix: "Remove escalate, bind, impersonate and `*` on RBAC objects:\n\n```yaml\nrules:\n  - apiGroups: ['rbac.authorization.k8s.io']\n    resources: ['roles', 'rolebindings']\n    verbs: ['get', 'list', 'watch', 'create', 'update']\n```",
    references: ['https://kubernetes.io/docs/concepts/security/rbac-good-practices/'],
  },
  kinds: ROLE_KINDS,
  check: (resource) =>
    ruleEntryViolations(
      resource,
      (rule) => grants(rule, { resources: RBAC_RESOURCES, verbs: VERBS }),
      () =>
        `${roleLabel(resource)} should not have access to resources ${RBAC_RESOURCES.join(', ')} for verbs ${VERBS.join(', ')} as they can lead to privilege escalation`,
    ),
});
