import { ruleTester } from '../../../test/support/rules.js';
import { useraddNoLogInit } from './useradd-no-log-init.js';

ruleTester(useraddNoLogInit, {
  valid: [
    'FROM a:1\nRUN useradd -u 1000 app\n',
    'FROM a:1\nRUN useradd -l -u 123456 app\n',
    'FROM a:1\nRUN useradd --no-log-init --uid 123456 app\n',
  ],
  invalid: [
    {
      code: 'FROM a:1\nRUN useradd -u 123456 app\n',
      errors: [
        {
          line: 2,
          message:
            '`useradd` without flag `-l` and high UID will result in excessively large Image.',
        },
      ],
    },
    {
      code: 'FROM a:1\nRUN useradd --uid=1234567 app\n',
      errors: [
        {
          line: 2,
          message:
            '`useradd` without flag `-l` and high UID will result in excessively large Image.',
        },
      ],
    },
  ],
});
