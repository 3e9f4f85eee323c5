import { binding, ruleTester } from '../../../../test/support/rules.js';
import { noAdminRoleBinding } from './no-admin-role-binding.js';

/** A `kind` binding in namespace app of a service account to the cluster role `role`. */
const bindingTo = (kind: string, role: string) =>
  binding(
    kind,
    [{ kind: 'ServiceAccount', name: 'app' }],
    { kind: 'ClusterRole', name: role },
    {
      namespace: 'app',
    },
  );

ruleTester(noAdminRoleBinding, {
  valid: [
    {
      name: 'passes other roles and other kinds',
      code: bindingTo('RoleBinding', 'view'),
    },
    {
      name: 'passes other roles and other kinds',
      code: bindingTo('ConfigMap', 'admin'),
    },
  ],
  invalid: [
    {
      name: 'flags a binding to cluster-admin on roleRef.name',
      code: bindingTo('ClusterRoleBinding', 'cluster-admin'),
      errors: [
        {
          line: 11,
          message:
            "ClusterRoleBinding 'b' should not bind to role 'cluster-admin' (one of cluster-admin, admin, edit)",
        },
      ],
    },
    {
      name: 'flags a binding to admin on roleRef.name',
      code: bindingTo('ClusterRoleBinding', 'admin'),
      errors: [
        {
          line: 11,
          message:
            "ClusterRoleBinding 'b' should not bind to role 'admin' (one of cluster-admin, admin, edit)",
        },
      ],
    },
    {
      name: 'flags a binding to edit on roleRef.name',
      code: bindingTo('ClusterRoleBinding', 'edit'),
      errors: [
        {
          line: 11,
          message:
            "ClusterRoleBinding 'b' should not bind to role 'edit' (one of cluster-admin, admin, edit)",
        },
      ],
    },
    {
      name: 'flags RoleBindings too',
      code: bindingTo('RoleBinding', 'edit'),
      errors: [
        {
          line: 11,
          message:
            "RoleBinding 'b' in 'app' namespace should not bind to role 'edit' (one of cluster-admin, admin, edit)",
        },
      ],
    },
  ],
});
