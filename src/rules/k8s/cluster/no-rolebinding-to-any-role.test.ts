import { role, ruleTester } from '../../../../test/support/rules.js';
import { noRoleBindingToAnyRole } from './no-rolebinding-to-any-role.js';

ruleTester(noRoleBindingToAnyRole, {
  valid: [
    {
      name: 'passes bind listed first (Trivy needs the create entry before the bind entry)',
      code: role('Role', [
        {
          apiGroups: ['rbac.authorization.k8s.io'],
          resources: ['clusterroles'],
          verbs: ['bind'],
          resourceNames: ['*'],
        },
        {
          apiGroups: ['rbac.authorization.k8s.io'],
          resources: ['rolebindings'],
          verbs: ['create'],
        },
      ]),
    },
    {
      name: 'passes bind limited to named roles',
      code: role('Role', [
        {
          apiGroups: ['rbac.authorization.k8s.io'],
          resources: ['rolebindings'],
          verbs: ['create'],
        },
        {
          apiGroups: ['rbac.authorization.k8s.io'],
          resources: ['clusterroles'],
          verbs: ['bind'],
          resourceNames: ['view'],
        },
      ]),
    },
    {
      name: 'passes create alone',
      code: role('Role', [
        {
          apiGroups: ['rbac.authorization.k8s.io'],
          resources: ['rolebindings'],
          verbs: ['create'],
        },
      ]),
    },
  ],
  invalid: [
    {
      name: 'flags create rolebindings followed by bind on any role, on the first entry',
      code: role('Role', [
        {
          apiGroups: ['rbac.authorization.k8s.io'],
          resources: ['rolebindings'],
          verbs: ['create'],
        },
        {
          apiGroups: ['rbac.authorization.k8s.io'],
          resources: ['clusterroles'],
          verbs: ['bind'],
          resourceNames: ['*'],
        },
      ]),
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
