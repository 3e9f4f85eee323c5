import { ruleTester } from '../../../test/support/rules.js';
import { labelNotEmpty } from './label-not-empty.js';

ruleTester(labelNotEmpty, {
  valid: [
    { code: 'LABEL owner=team\n', options: { labelSchema: { owner: 'text' } } },
    { code: 'LABEL other=""\n', options: { labelSchema: { owner: 'text' } } },
  ],
  invalid: [
    {
      code: 'FROM a:1\nLABEL owner=""\n',
      options: { labelSchema: { owner: 'text' } },
      errors: [{ line: 2, message: 'Label `owner` is empty.' }],
    },
  ],
});
