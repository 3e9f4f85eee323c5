import { role, roleGranting, ruleTester } from '../../../../test/support/rules.js';
import { noWildcardVerbRole } from './no-wildcard-verb-role.js';

ruleTester(noWildcardVerbRole, {
  valid: [
    {
      name: 'passes valid rules (case 0)',
      code: role('ClusterRole', [{ apiGroups: [''], resources: ['configmaps'], verbs: ['*'] }], {
        namespace: 'ns',
      }),
    },
    {
      name: 'ignores other kinds',
      code: roleGranting('ServiceAccount', {
        apiGroups: ['apps'],
        resources: ['deployments'],
        verbs: ['*'],
      }),
    },
  ],
  invalid: [
    {
      name: 'flags the offending rule entry',
      code: roleGranting('ClusterRole', {
        apiGroups: ['apps'],
        resources: ['deployments'],
        verbs: ['*'],
      }),
      errors: [
        {
          line: 10,
          message: "ClusterRole 'r' permits wildcard verb on specific resources",
          path: ['rules', 1],
        },
      ],
    },
  ],
});
