import { ruleTester } from '../../../test/support/rules.js';
import { labelEmail } from './label-email.js';

ruleTester(labelEmail, {
  valid: [
    {
      code: 'LABEL maintainer=team@example.com\n',
      options: { labelSchema: { maintainer: 'email' } },
    },
  ],
  invalid: [
    {
      code: 'FROM a:1\nLABEL maintainer="team at example"\n',
      options: { labelSchema: { maintainer: 'email' } },
      errors: [
        {
          line: 2,
          message: 'Label `maintainer` is not a valid email format - must conform to RFC5322.',
        },
      ],
    },
  ],
});
