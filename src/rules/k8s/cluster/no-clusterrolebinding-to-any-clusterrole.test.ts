import { rbacGrant, role, ruleTester } from '../../../../test/support/rules.js';
import { noClusterRoleBindingToAnyClusterRole } from './no-clusterrolebinding-to-any-clusterrole.js';

const CREATE_CLUSTERROLEBINDINGS = rbacGrant('clusterrolebindings', 'create');
/** Binding the cluster roles named `name` (`*`: any). */
const bindClusterRoles = (name: string) => rbacGrant('clusterroles', 'bind', [name]);

ruleTester(noClusterRoleBindingToAnyClusterRole, {
  valid: [
    {
      name: 'passes bind limited to named roles',
      code: role('ClusterRole', [CREATE_CLUSTERROLEBINDINGS, bindClusterRoles('view')]),
    },
    {
      name: 'passes rolebindings instead of clusterrolebindings',
      code: role('ClusterRole', [
        {
          apiGroups: ['rbac.authorization.k8s.io'],
          resources: ['rolebindings'],
          verbs: ['create'],
        },
        bindClusterRoles('*'),
      ]),
    },
  ],
  invalid: [
    {
      name: 'flags create clusterrolebindings followed by bind on any clusterrole',
      code: role('ClusterRole', [
        { apiGroups: [''], resources: ['pods'], verbs: ['get'] },
        CREATE_CLUSTERROLEBINDINGS,
        bindClusterRoles('*'),
      ]),
      errors: [
        {
          line: 9,
          message:
            "ClusterRole 'r' permits creation of cluster role binding and association with privileged cluster role",
          path: ['rules', 1],
        },
      ],
    },
  ],
});
