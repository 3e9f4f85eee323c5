import { ruleTester } from '../../../test/support/rules.js';
import { labelGitHash } from './label-git-hash.js';

ruleTester(labelGitHash, {
  valid: [{ code: 'LABEL rev=2dbfae9\n', options: { labelSchema: { rev: 'hash' } } }],
  invalid: [
    {
      code: 'FROM a:1\nLABEL rev=main\n',
      options: { labelSchema: { rev: 'hash' } },
      errors: [{ line: 2, message: 'Label `rev` is not a valid git hash.' }],
    },
  ],
});
