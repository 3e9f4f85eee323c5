import { ruleTester } from '../../../../test/support/rules.js';
import { noAdminRoleBinding } from './no-admin-role-binding.js';

ruleTester(noAdminRoleBinding, {
  valid: [
    {
      name: 'passes other roles and other kinds',
      code: `apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata:
  name: b
  namespace: app
subjects:
  - kind: ServiceAccount
    name: app
roleRef:
  kind: ClusterRole
  name: view
`,
    },
    {
      name: 'passes other roles and other kinds',
      code: `apiVersion: rbac.authorization.k8s.io/v1
kind: ConfigMap
metadata:
  name: b
  namespace: app
subjects:
  - kind: ServiceAccount
    name: app
roleRef:
  kind: ClusterRole
  name: admin
`,
    },
  ],
  invalid: [
    {
      name: 'flags a binding to cluster-admin on roleRef.name',
      code: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata:
  name: b
  namespace: app
subjects:
  - kind: ServiceAccount
    name: app
roleRef:
  kind: ClusterRole
  name: cluster-admin
`,
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
      code: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata:
  name: b
  namespace: app
subjects:
  - kind: ServiceAccount
    name: app
roleRef:
  kind: ClusterRole
  name: admin
`,
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
      code: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata:
  name: b
  namespace: app
subjects:
  - kind: ServiceAccount
    name: app
roleRef:
  kind: ClusterRole
  name: edit
`,
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
      code: `apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata:
  name: b
  namespace: app
subjects:
  - kind: ServiceAccount
    name: app
roleRef:
  kind: ClusterRole
  name: edit
`,
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
