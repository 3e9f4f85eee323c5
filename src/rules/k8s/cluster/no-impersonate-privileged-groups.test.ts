import { role, roleGranting, ruleTester } from '../../../../test/support/rules.js';
import { noImpersonatePrivilegedGroups } from './no-impersonate-privileged-groups.js';

ruleTester(noImpersonatePrivilegedGroups, {
  valid: [
    {
      name: 'passes valid rules (case 0)',
      code: role(
        'ClusterRole',
        [{ apiGroups: [''], resources: ['groups'], verbs: ['impersonate'] }],
        { namespace: 'ns' },
      ),
    },
    {
      name: 'ignores other kinds',
      code: roleGranting(
        'ServiceAccount',
        { apiGroups: ['*'], resources: ['groups'], verbs: ['impersonate'] },
        { apiGroups: ['*'], resources: ['users'], verbs: ['impersonate'] },
      ),
    },
  ],
  invalid: [
    {
      name: 'flags the offending rule entry',
      code: roleGranting(
        'ClusterRole',
        { apiGroups: ['*'], resources: ['groups'], verbs: ['impersonate'] },
        { apiGroups: ['*'], resources: ['users'], verbs: ['impersonate'] },
      ),
      errors: [
        {
          line: 10,
          message: "ClusterRole 'r' permits impersonation of privileged groups",
          path: ['rules', 1],
        },
      ],
    },
  ],
});
