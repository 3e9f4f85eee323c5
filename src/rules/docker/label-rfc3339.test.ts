import { ruleTester } from '../../../test/support/rules.js';
import { labelRfc3339 } from './label-rfc3339.js';

ruleTester(labelRfc3339, {
  valid: [
    {
      code: 'LABEL created=2024-05-01T10:00:00Z\n',
      options: { labelSchema: { created: 'rfc3339' } },
    },
  ],
  invalid: [
    {
      code: 'FROM a:1\nLABEL created=2024-05-01\n',
      options: { labelSchema: { created: 'rfc3339' } },
      errors: [
        {
          line: 2,
          message: 'Label `created` is not a valid time format - must conform to RFC3339.',
        },
      ],
    },
  ],
});
