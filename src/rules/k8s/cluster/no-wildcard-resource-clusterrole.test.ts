import { role, roleGranting, ruleTester } from '../../../../test/support/rules.js';
import { noWildcardResourceClusterRole } from './no-wildcard-resource-clusterrole.js';

ruleTester(noWildcardResourceClusterRole, {
  valid: [
    {
      name: 'passes valid rules (case 0)',
      code: role('ClusterRole', [{ apiGroups: ['*'], resources: ['*'], verbs: ['watch'] }], {
        namespace: 'ns',
      }),
    },
    {
      name: 'ignores a Role with the same rules',
      code: roleGranting('Role', { apiGroups: ['*'], resources: ['*'], verbs: ['list'] }),
    },
  ],
  invalid: [
    {
      name: 'flags the offending rule entry',
      code: roleGranting('ClusterRole', { apiGroups: ['*'], resources: ['*'], verbs: ['list'] }),
      errors: [
        { line: 10, message: "ClusterRole 'r' shouldn't manage all resources", path: ['rules', 1] },
      ],
    },
  ],
});
