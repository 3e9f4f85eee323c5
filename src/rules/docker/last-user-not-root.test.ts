import { ruleTester } from '../../../test/support/rules.js';
import { lastUserNotRoot } from './last-user-not-root.js';

ruleTester(lastUserNotRoot, {
  valid: ['FROM debian:12\nUSER root\nRUN id\nUSER 10001\n', 'FROM debian:12\n'],
  invalid: [
    {
      code: 'FROM debian:12 AS a\nUSER 0:0\nFROM debian:12\nUSER app\n',
      errors: [{ line: 2, message: 'Last USER should not be root' }],
    },
  ],
});
