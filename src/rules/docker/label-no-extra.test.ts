import { ruleTester } from '../../../test/support/rules.js';
import { labelNoExtra } from './label-no-extra.js';

ruleTester(labelNoExtra, {
  valid: [
    { code: 'LABEL owner=team\n', options: { labelSchema: { owner: 'text' }, strictLabels: true } },
  ],
  invalid: [
    {
      code: 'FROM a:1\nLABEL owner=team other=x\n',
      options: { labelSchema: { owner: 'text' }, strictLabels: true },
      errors: [{ line: 2, message: 'Superfluous label(s) present.' }],
    },
  ],
});
