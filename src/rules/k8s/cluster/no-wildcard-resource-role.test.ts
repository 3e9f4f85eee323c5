import { role, ruleTester } from '../../../../test/support/rules.js';
import { noWildcardResourceRole } from './no-wildcard-resource-role.js';

ruleTester(noWildcardResourceRole, {
  valid: [
    {
      name: 'passes valid rules (case 0)',
      code: role(
        'Role',
        `
        - apiGroups: ['*']
          resources: ['*']
          verbs: ['watch']
      `,
        { metadata: 'namespace: ns' },
      ),
    },
    {
      name: 'ignores a ClusterRole with the same rules',
      code: role(
        'ClusterRole',
        `
        - apiGroups: ['']
          resources: ['pods']
          verbs: ['get']
        - apiGroups: ['*']
          resources: ['*']
          verbs: ['get']
      `,
        { metadata: 'namespace: ns' },
      ),
    },
  ],
  invalid: [
    {
      name: 'flags the offending rule entry',
      code: role(
        'Role',
        `
        - apiGroups: ['']
          resources: ['pods']
          verbs: ['get']
        - apiGroups: ['*']
          resources: ['*']
          verbs: ['get']
      `,
        { metadata: 'namespace: ns' },
      ),
      errors: [
        {
          line: 10,
          message: "Role 'r' shouldn't manage all resources at the namespace 'ns'",
          path: ['rules', 1],
        },
      ],
    },
  ],
});
