import { role, roleGranting, ruleTester } from '../../../../test/support/rules.js';
import { noDeletePodLogs } from './no-delete-pod-logs.js';

ruleTester(noDeletePodLogs, {
  valid: [
    {
      name: 'passes valid rules (case 0)',
      code: role('Role', [{ apiGroups: [''], resources: ['pods/log'], verbs: ['get', 'list'] }], {
        namespace: 'ns',
      }),
    },
    {
      name: 'ignores other kinds',
      code: roleGranting(
        'ServiceAccount',
        { apiGroups: [''], resources: ['pods/log'], verbs: ['deletecollection'] },
        { apiGroups: [''], resources: ['pods'], verbs: ['delete'] },
      ),
    },
  ],
  invalid: [
    {
      name: 'flags the offending rule entry',
      code: roleGranting(
        'Role',
        { apiGroups: [''], resources: ['pods/log'], verbs: ['deletecollection'] },
        { apiGroups: [''], resources: ['pods'], verbs: ['delete'] },
      ),
      errors: [
        {
          line: 10,
          message:
            "Role 'r' in 'ns' namespace should not have access to resource 'pods/log' for verbs delete, deletecollection, *",
          path: ['rules', 1],
        },
      ],
    },
  ],
});
