import { binding, ruleTester } from '../../../../test/support/rules.js';
import { noSystemMastersBinding } from './no-system-masters-binding.js';

ruleTester(noSystemMastersBinding, {
  valid: [
    {
      name: 'passes look-alike names',
      code: binding(
        'RoleBinding',
        [{ kind: 'Group', name: 'system:masters2' }],
        { kind: 'Role', name: 'r' },
        { namespace: 'app' },
      ),
    },
  ],
  invalid: [
    {
      name: 'flags system:masters on the subject',
      code: binding(
        'RoleBinding',
        [{ kind: 'Group', name: 'system:masters' }],
        { kind: 'Role', name: 'r' },
        { namespace: 'app' },
      ),
      errors: [
        {
          line: 8,
          message: "RoleBinding 'b' in 'app' namespace should not bind to 'system:masters'",
        },
      ],
    },
  ],
});
