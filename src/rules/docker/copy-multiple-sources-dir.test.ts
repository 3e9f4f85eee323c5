import { ruleTester } from '../../../test/support/rules.js';
import { copyMultipleSourcesDir } from './copy-multiple-sources-dir.js';

ruleTester(copyMultipleSourcesDir, {
  valid: ['COPY a b /dst/\n', 'COPY a b\n', 'COPY ["a", "b", "/dst/"]\n'],
  invalid: [
    {
      code: 'FROM debian:12\nCOPY a b \\\n  /dst\n',
      errors: [
        {
          line: 2,
          message: 'COPY with more than 2 arguments requires the last argument to end with /',
        },
      ],
    },
    {
      name: 'spans a continued instruction with endLine',
      code: 'FROM a:1\nCOPY a b \\\n  /dst\n',
      errors: [
        {
          line: 2,
          endLine: 3,
          message: 'COPY with more than 2 arguments requires the last argument to end with /',
        },
      ],
    },
  ],
});
