import { ruleTester } from '../../../test/support/rules.js';
import { singleCmd } from './single-cmd.js';

ruleTester(singleCmd, {
  valid: ['FROM a:1\nCMD ["a"]\nFROM b:1\nCMD ["b"]\n'],
  invalid: [
    {
      code: 'FROM a:1\nCMD ["a"]\nCMD ["b"]\n',
      errors: [
        {
          line: 3,
          message:
            'Multiple `CMD` instructions found. If you list more than one `CMD` then only the last `CMD` will take effect',
        },
      ],
    },
  ],
});
