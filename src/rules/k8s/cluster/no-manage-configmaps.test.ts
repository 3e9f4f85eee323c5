import { role, roleGranting, ruleTester } from '../../../../test/support/rules.js';
import { noManageConfigmaps } from './no-manage-configmaps.js';

ruleTester(noManageConfigmaps, {
  valid: [
    {
      name: 'passes valid rules (case 0)',
      code: role(
        'Role',
        [{ apiGroups: [''], resources: ['configmaps'], verbs: ['get', 'watch'] }],
        { namespace: 'ns' },
      ),
    },
    {
      name: 'ignores other kinds',
      code: roleGranting(
        'ServiceAccount',
        { apiGroups: [''], resources: ['configmaps'], verbs: ['update'] },
        { apiGroups: [''], resources: ['pods'], verbs: ['create'] },
      ),
    },
  ],
  invalid: [
    {
      name: 'flags the offending rule entry',
      code: roleGranting(
        'Role',
        { apiGroups: [''], resources: ['configmaps'], verbs: ['update'] },
        { apiGroups: [''], resources: ['pods'], verbs: ['create'] },
      ),
      errors: [
        {
          line: 10,
          message:
            "Role 'r' in 'ns' namespace should not have access to resource 'configmaps' for verbs create, update, patch, delete, deletecollection, impersonate, *",
          path: ['rules', 1],
        },
      ],
    },
  ],
});
