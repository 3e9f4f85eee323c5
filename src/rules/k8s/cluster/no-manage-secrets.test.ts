import { role, roleGranting, ruleTester } from '../../../../test/support/rules.js';
import { noManageSecrets } from './no-manage-secrets.js';

ruleTester(noManageSecrets, {
  valid: [
    {
      name: 'passes valid rules (case 0)',
      code: role('ClusterRole', [{ apiGroups: [''], resources: ['configmaps'], verbs: ['get'] }], {
        namespace: 'ns',
      }),
    },
    {
      name: 'ignores a Role with the same rules',
      code: roleGranting('Role', { apiGroups: [''], resources: ['secrets'], verbs: ['list'] }),
    },
  ],
  invalid: [
    {
      name: 'flags the offending rule entry',
      code: roleGranting('ClusterRole', {
        apiGroups: [''],
        resources: ['secrets'],
        verbs: ['list'],
      }),
      errors: [
        {
          line: 10,
          message: "ClusterRole 'r' shouldn't have access to manage resource 'secrets'",
          path: ['rules', 1],
        },
      ],
    },
  ],
});
