import { binding, ruleTester } from '../../../../test/support/rules.js';
import { noSystemAuthenticatedBinding } from './no-system-authenticated-binding.js';

ruleTester(noSystemAuthenticatedBinding, {
  valid: [
    {
      name: 'passes other groups',
      code: binding('ClusterRoleBinding', [{ kind: 'Group', name: 'developers' }], {
        kind: 'ClusterRole',
        name: 'view',
      }),
    },
  ],
  invalid: [
    {
      name: 'flags system:authenticated on the subject',
      code: binding('ClusterRoleBinding', [{ kind: 'Group', name: 'system:authenticated' }], {
        kind: 'ClusterRole',
        name: 'view',
      }),
      errors: [
        { line: 7, message: "ClusterRoleBinding 'b' should not bind to 'system:authenticated'" },
      ],
    },
  ],
});
