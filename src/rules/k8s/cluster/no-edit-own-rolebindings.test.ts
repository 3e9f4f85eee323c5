import { role, roleGranting, ruleTester } from '../../../../test/support/rules.js';
import { noEditOwnRoleBindings } from './no-edit-own-rolebindings.js';

ruleTester(noEditOwnRoleBindings, {
  valid: [
    {
      name: 'passes valid rules (case 0)',
      code: role(
        'Role',
        [{ apiGroups: ['*'], resources: ['rolebindings'], verbs: ['get', 'list'] }],
        { namespace: 'ns' },
      ),
    },
    {
      name: 'ignores other kinds',
      code: roleGranting('ServiceAccount', {
        apiGroups: ['*'],
        resources: ['rolebindings'],
        verbs: ['get', 'patch'],
      }),
    },
  ],
  invalid: [
    {
      name: 'flags the offending rule entry',
      code: roleGranting('Role', {
        apiGroups: ['*'],
        resources: ['rolebindings'],
        verbs: ['get', 'patch'],
      }),
      errors: [
        {
          line: 10,
          message:
            "Role 'r' in 'ns' namespace permits allowing users in a rolebinding to add other users to their rolebindings",
          path: ['rules', 1],
        },
      ],
    },
  ],
});
