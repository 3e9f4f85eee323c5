import { ruleTester } from '../../../test/support/rules.js';
import { labelUrl } from './label-url.js';

ruleTester(labelUrl, {
  valid: [
    { code: 'LABEL src=https://github.com/acme/app\n', options: { labelSchema: { src: 'url' } } },
  ],
  invalid: [
    {
      code: 'FROM a:1\nLABEL src=github.com/acme\n',
      options: { labelSchema: { src: 'url' } },
      errors: [{ line: 2, message: 'Label `src` is not a valid URL.' }],
    },
  ],
});
