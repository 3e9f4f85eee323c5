import { ruleTester } from '../../../test/support/rules.js';
import { noMaintainer } from './no-maintainer.js';

ruleTester(noMaintainer, {
  valid: ['LABEL maintainer=me@example.com\n'],
  invalid: [
    {
      code: 'FROM a:1\nMAINTAINER me@example.com\n',
      errors: [{ line: 2, message: 'MAINTAINER is deprecated' }],
    },
  ],
});
