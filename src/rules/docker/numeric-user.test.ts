import { ruleTester } from '../../../test/support/rules.js';
import { numericUser } from './numeric-user.js';

ruleTester(numericUser, {
  valid: ['USER 10001:10001\n', 'USER ${UID}\n'],
  invalid: [
    {
      code: 'FROM a:1\nUSER app:10001\n',
      errors: [{ line: 2, message: 'Non-numeric user-id may not be resolvable by host system' }],
    },
  ],
});
