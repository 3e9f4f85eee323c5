import { ruleTester } from '../../../test/support/rules.js';
import { copyRelativeNeedsWorkdir } from './copy-relative-needs-workdir.js';

ruleTester(copyRelativeNeedsWorkdir, {
  valid: [
    'FROM a:1\nWORKDIR /app\nCOPY x y\n',
    'COPY x /y\n',
    'FROM a:1 AS base\nWORKDIR /app\nFROM base\nCOPY x y\n',
  ],
  invalid: [
    {
      code: 'FROM a:1 AS base\nWORKDIR /app\nFROM b:1\nCOPY x y\n',
      errors: [{ line: 4, message: '`COPY` to a relative destination without `WORKDIR` set.' }],
    },
  ],
});
