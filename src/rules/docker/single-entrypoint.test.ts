import { ruleTester } from '../../../test/support/rules.js';
import { singleEntrypoint } from './single-entrypoint.js';

ruleTester(singleEntrypoint, {
  valid: ['FROM a:1\nENTRYPOINT ["a"]\nFROM b:1\nENTRYPOINT ["b"]\n'],
  invalid: [
    {
      code: 'FROM a:1\nENTRYPOINT ["a"]\nENTRYPOINT ["b"]\n',
      errors: [
        {
          line: 3,
          message:
            'Multiple `ENTRYPOINT` instructions found. If you list more than one `ENTRYPOINT` then only the last `ENTRYPOINT` will take effect',
        },
      ],
    },
  ],
});
