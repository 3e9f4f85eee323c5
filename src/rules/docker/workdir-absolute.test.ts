import { ruleTester } from '../../../test/support/rules.js';
import { workdirAbsolute } from './workdir-absolute.js';

ruleTester(workdirAbsolute, {
  valid: ['WORKDIR /app\n', 'WORKDIR $HOME\n', "WORKDIR 'C:\\\\app'\n"],
  invalid: [
    {
      code: 'FROM debian:12\nWORKDIR app\n',
      errors: [{ line: 2, message: 'Use absolute WORKDIR' }],
    },
  ],
});
