import { role, roleGranting, ruleTester } from '../../../../test/support/rules.js';
import { noWildcardVerbResourceRole } from './no-wildcard-verb-resource-role.js';

ruleTester(noWildcardVerbResourceRole, {
  valid: [
    {
      name: 'passes valid rules (case 0)',
      code: role('Role', [{ apiGroups: ['apps'], resources: ['*'], verbs: ['*'] }], {
        namespace: 'ns',
      }),
    },
    {
      name: 'ignores other kinds',
      code: roleGranting('ServiceAccount', { apiGroups: ['*'], resources: ['*'], verbs: ['*'] }),
    },
  ],
  invalid: [
    {
      name: 'flags the offending rule entry',
      code: roleGranting('Role', { apiGroups: ['*'], resources: ['*'], verbs: ['*'] }),
      errors: [
        {
          line: 10,
          message: "Role 'r' in 'ns' namespace permits wildcard verb on wildcard resource",
          path: ['rules', 1],
        },
      ],
    },
  ],
});
