import { binding, ruleTester } from '../../../../test/support/rules.js';
import { noAnonymousUserBinding } from './no-anonymous-user-binding.js';

ruleTester(noAnonymousUserBinding, {
  valid: [
    {
      name: 'passes other subjects and other kinds',
      code: binding(
        'RoleBinding',
        [
          { kind: 'ServiceAccount', name: 'app' },
          { kind: 'Group', name: 'system:authenticated' },
        ],
        { kind: 'ClusterRole', name: 'view' },
      ),
    },
    {
      name: 'passes other subjects and other kinds',
      code: binding(
        'Role',
        [
          { kind: 'ServiceAccount', name: 'app' },
          { kind: 'Group', name: 'system:anonymous' },
        ],
        { kind: 'ClusterRole', name: 'view' },
      ),
    },
  ],
  invalid: [
    {
      name: 'flags system:anonymous on the subject',
      code: binding(
        'ClusterRoleBinding',
        [
          { kind: 'ServiceAccount', name: 'app' },
          { kind: 'Group', name: 'system:anonymous' },
        ],
        { kind: 'ClusterRole', name: 'view' },
      ),
      errors: [
        {
          line: 9,
          message: "ClusterRoleBinding 'b' should not bind to 'system:anonymous'",
          path: ['subjects', 1, 'name'],
        },
      ],
    },
    {
      name: 'flags system:unauthenticated on the subject',
      code: binding(
        'ClusterRoleBinding',
        [
          { kind: 'ServiceAccount', name: 'app' },
          { kind: 'Group', name: 'system:unauthenticated' },
        ],
        { kind: 'ClusterRole', name: 'view' },
      ),
      errors: [
        {
          line: 9,
          message: "ClusterRoleBinding 'b' should not bind to 'system:unauthenticated'",
          path: ['subjects', 1, 'name'],
        },
      ],
    },
    {
      name: 'matches the binding kind case-insensitively, as Trivy does',
      code: binding(
        'ClusterRolebinding',
        [
          { kind: 'ServiceAccount', name: 'app' },
          { kind: 'Group', name: 'system:anonymous' },
        ],
        { kind: 'ClusterRole', name: 'view' },
        { apiVersion: 'rbac.authorization.k8s.io/v1' },
      ),
      errors: [
        {
          line: 9,
          message: "ClusterRolebinding 'b' should not bind to 'system:anonymous'",
          path: ['subjects', 1, 'name'],
        },
      ],
    },
  ],
});
