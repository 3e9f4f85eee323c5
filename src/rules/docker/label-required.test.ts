import { ruleTester } from '../../../test/support/rules.js';
import { labelRequired } from './label-required.js';

ruleTester(labelRequired, {
  valid: [
    { code: 'FROM a:1\nLABEL owner=team\n', options: { labelSchema: { owner: 'text' } } },
    {
      code: 'FROM a:1 AS base\nFROM b:1\nLABEL owner=team\nCOPY --from=base /x /x\n',
      options: { labelSchema: { owner: 'text' } },
    },
  ],
  invalid: [
    {
      code: 'FROM a:1\nLABEL other=x\nFROM b:1\nLABEL owner=team\n',
      options: { labelSchema: { owner: 'text' } },
      errors: [{ line: 1, message: 'Label `owner` is missing.' }],
    },
  ],
});
