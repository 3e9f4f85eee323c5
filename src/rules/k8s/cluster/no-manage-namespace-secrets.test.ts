import { role, roleGranting, ruleTester } from '../../../../test/support/rules.js';
import { noManageNamespaceSecrets } from './no-manage-namespace-secrets.js';

ruleTester(noManageNamespaceSecrets, {
  valid: [
    {
      name: 'passes valid rules (case 0)',
      code: role('Role', [{ apiGroups: [''], resources: ['secrets'], verbs: ['bind'] }], {
        namespace: 'ns',
      }),
    },
    {
      name: 'ignores a ClusterRole with the same rules',
      code: roleGranting('ClusterRole', {
        apiGroups: [''],
        resources: ['secrets'],
        verbs: ['watch'],
      }),
    },
  ],
  invalid: [
    {
      name: 'flags the offending rule entry',
      code: roleGranting('Role', { apiGroups: [''], resources: ['secrets'], verbs: ['watch'] }),
      errors: [
        {
          line: 10,
          message: "Role 'r' shouldn't have access to manage secrets in namespace 'ns'",
          path: ['rules', 1],
        },
      ],
    },
  ],
});
