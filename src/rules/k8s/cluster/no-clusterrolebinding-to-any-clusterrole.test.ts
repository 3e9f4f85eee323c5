import { role, ruleTester } from '../../../../test/support/rules.js';
import { noClusterRoleBindingToAnyClusterRole } from './no-clusterrolebinding-to-any-clusterrole.js';

ruleTester(noClusterRoleBindingToAnyClusterRole, {
  valid: [
    {
      name: 'passes bind limited to named roles',
      code: role('ClusterRole', [
        {
          apiGroups: ['rbac.authorization.k8s.io'],
          resources: ['clusterrolebindings'],
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
      name: 'passes rolebindings instead of clusterrolebindings',
      code: role('ClusterRole', [
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
    },
  ],
  invalid: [
    {
      name: 'flags create clusterrolebindings followed by bind on any clusterrole',
      code: role('ClusterRole', [
        { apiGroups: [''], resources: ['pods'], verbs: ['get'] },
        {
          apiGroups: ['rbac.authorization.k8s.io'],
          resources: ['clusterrolebindings'],
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
          line: 9,
          message:
            "ClusterRole 'r' permits creation of cluster role binding and association with privileged cluster role",
          path: ['rules', 1],
        },
      ],
    },
  ],
});
