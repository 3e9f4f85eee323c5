import { defineK8sRule } from '../../define.js';
import { isObject } from '../../../sources/resource.js';
import { BINDING_KINDS, bindingLabel } from './rbac.js';

const ADMIN_ROLES = ['cluster-admin', 'admin', 'edit'];

export const noAdminRoleBinding = defineK8sRule({
  meta: {
    id: 'KSV111',
    name: 'no-admin-role-binding',
    trivyId: 'kubernetes-cluster-admin0-role-only-used-where-required',
    severity: 'medium',
    title: 'User with admin access',
    description:
      'A RoleBinding or ClusterRoleBinding must not bind the built-in `cluster-admin`, `admin` or `edit` roles (by `roleRef.name`).',
    rationale:
      'These roles grant broad write access (`edit` includes secrets and workloads, `admin` adds RBAC in the namespace, `cluster-admin` everything). Use them only where required, and bind a narrower role everywhere else.',
    fix: 'Bind a role scoped to what the subject does:\n\n```yaml\nkind: RoleBinding\nroleRef:\n  apiGroup: rbac.authorization.k8s.io\n  kind: Role\n  name: deployer\n```',
    references: ['https://kubernetes.io/docs/reference/access-authn-authz/rbac/#user-facing-roles'],
  },
  kinds: BINDING_KINDS,
  check: (resource) => {
    const roleRef = resource.object.roleRef;
    if (!isObject(roleRef) || typeof roleRef.name !== 'string') return [];
    if (!ADMIN_ROLES.includes(roleRef.name)) return [];
    return [
      {
        message: `${bindingLabel(resource)} should not bind to role '${roleRef.name}' (one of ${ADMIN_ROLES.join(', ')})`,
        path: ['roleRef', 'name'],
      },
    ];
  },
});
