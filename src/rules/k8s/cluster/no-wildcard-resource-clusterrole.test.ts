import { role, ruleTester } from '../../../../test/support/rules.js';
import { noWildcardResourceClusterRole } from './no-wildcard-resource-clusterrole.js';

ruleTester(noWildcardResourceClusterRole, {
  valid: [
    {
      name: 'passes valid rules (case 0)',
      code: role(
        'ClusterRole',
        `
        - apiGroups: ['*']
          resources: ['*']
          verbs: ['watch']
      `,
        { metadata: 'namespace: ns' },
      ),
    },
    {
      name: 'ignores a Role with the same rules',
      code: role(
        'Role',
        `
        - apiGroups: ['']
          resources: ['pods']
          verbs: ['get']
        - apiGroups: ['*']
          resources: ['*']
          verbs: ['list']
      `,
        { metadata: 'namespace: ns' },
      ),
    },
  ],
  invalid: [
    {
      name: 'flags the offending rule entry',
      code: role(
        'ClusterRole',
        `
        - apiGroups: ['']
          resources: ['pods']
          verbs: ['get']
        - apiGroups: ['*']
          resources: ['*']
          verbs: ['list']
      `,
        { metadata: 'namespace: ns' },
      ),
      errors: [
        { line: 10, message: "ClusterRole 'r' shouldn't manage all resources", path: ['rules', 1] },
      ],
    },
  ],
});
