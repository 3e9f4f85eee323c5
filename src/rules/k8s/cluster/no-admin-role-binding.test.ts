import { binding, ruleTester } from '../../../../test/support/rules.js';
import { noAdminRoleBinding } from './no-admin-role-binding.js';

ruleTester(noAdminRoleBinding, {
  valid: [
    {
      name: 'passes other roles and other kinds',
      code: binding(
        'RoleBinding',
        [{ kind: 'ServiceAccount', name: 'app' }],
        { kind: 'ClusterRole', name: 'view' },
        { namespace: 'app' },
      ),
    },
    {
      name: 'passes other roles and other kinds',
      code: binding(
        'ConfigMap',
        [{ kind: 'ServiceAccount', name: 'app' }],
        { kind: 'ClusterRole', name: 'admin' },
        { namespace: 'app' },
      ),
    },
  ],
  invalid: [
    {
      name: 'flags a binding to cluster-admin on roleRef.name',
      code: binding(
        'ClusterRoleBinding',
        [{ kind: 'ServiceAccount', name: 'app' }],
        { kind: 'ClusterRole', name: 'cluster-admin' },
        { namespace: 'app' },
      ),
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
      code: binding(
        'ClusterRoleBinding',
        [{ kind: 'ServiceAccount', name: 'app' }],
        { kind: 'ClusterRole', name: 'admin' },
        { namespace: 'app' },
      ),
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
      code: binding(
        'ClusterRoleBinding',
        [{ kind: 'ServiceAccount', name: 'app' }],
        { kind: 'ClusterRole', name: 'edit' },
        { namespace: 'app' },
      ),
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
      code: binding(
        'RoleBinding',
        [{ kind: 'ServiceAccount', name: 'app' }],
        { kind: 'ClusterRole', name: 'edit' },
        { namespace: 'app' },
      ),
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
