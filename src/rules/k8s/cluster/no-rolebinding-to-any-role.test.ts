import { rbacGrant, role, ruleTester } from '../../../../test/support/rules.js';
import { noRoleBindingToAnyRole } from './no-rolebinding-to-any-role.js';

const CREATE_ROLEBINDINGS = rbacGrant('rolebindings', 'create');
/** Binding the cluster roles named `name` (`*`: any). */
const bindClusterRoles = (name: string) => rbacGrant('clusterroles', 'bind', [name]);

ruleTester(noRoleBindingToAnyRole, {
  valid: [
    {
      name: 'passes bind listed first (Trivy needs the create entry before the bind entry)',
      code: role('Role', [bindClusterRoles('*'), CREATE_ROLEBINDINGS]),
    },
    {
      name: 'passes bind limited to named roles',
      code: role('Role', [CREATE_ROLEBINDINGS, bindClusterRoles('view')]),
    },
    {
      name: 'passes create alone',
      code: role('Role', [CREATE_ROLEBINDINGS]),
    },
  ],
  invalid: [
    {
      name: 'flags create rolebindings followed by bind on any role, on the first entry',
      code: role('Role', [CREATE_ROLEBINDINGS, bindClusterRoles('*')]),
      errors: [
        {
          line: 6,
          message: "Role 'r' permits creation of role binding and association with privileged role",
          path: ['rules', 0],
        },
      ],
    },
  ],
});
