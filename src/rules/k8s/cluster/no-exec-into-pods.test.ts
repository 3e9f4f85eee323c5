import { role, roleGranting, ruleTester } from '../../../../test/support/rules.js';
import { noExecIntoPods } from './no-exec-into-pods.js';

ruleTester(noExecIntoPods, {
  valid: [
    {
      name: 'passes valid rules (case 0)',
      code: role('Role', [{ apiGroups: [''], resources: ['pods/exec'], verbs: ['get'] }], {
        namespace: 'ns',
      }),
    },
    {
      name: 'ignores other kinds',
      code: roleGranting('ServiceAccount', {
        apiGroups: [''],
        resources: ['pods/exec'],
        verbs: ['create'],
      }),
    },
  ],
  invalid: [
    {
      name: 'flags the offending rule entry',
      code: roleGranting('Role', { apiGroups: [''], resources: ['pods/exec'], verbs: ['create'] }),
      errors: [
        {
          line: 10,
          message:
            "Role 'r' in 'ns' namespace should not have access to resource 'pods/exec' for verbs create, update, patch, delete, deletecollection, impersonate, *",
          path: ['rules', 1],
        },
      ],
    },
  ],
});
