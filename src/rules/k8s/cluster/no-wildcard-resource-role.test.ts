import { role, roleGranting, ruleTester } from '../../../../test/support/rules.js';
import { noWildcardResourceRole } from './no-wildcard-resource-role.js';

ruleTester(noWildcardResourceRole, {
  valid: [
    {
      name: 'passes valid rules (case 0)',
      code: role('Role', [{ apiGroups: ['*'], resources: ['*'], verbs: ['watch'] }], {
        namespace: 'ns',
      }),
    },
    {
      name: 'ignores a ClusterRole with the same rules',
      code: roleGranting('ClusterRole', { apiGroups: ['*'], resources: ['*'], verbs: ['get'] }),
    },
  ],
  invalid: [
    {
      name: 'flags the offending rule entry',
      code: roleGranting('Role', { apiGroups: ['*'], resources: ['*'], verbs: ['get'] }),
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
