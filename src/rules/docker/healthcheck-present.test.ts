import { ruleTester } from '../../../test/support/rules.js';
import { healthcheckPresent } from './healthcheck-present.js';

ruleTester(healthcheckPresent, {
  valid: ['FROM a:1\nHEALTHCHECK NONE\n', 'FROM a:1 AS base\nHEALTHCHECK CMD ["/c"]\nFROM base\n'],
  invalid: [
    {
      code: 'FROM a:1 AS base\nHEALTHCHECK CMD ["/c"]\nFROM b:1\n',
      errors: [{ line: 3, message: '`HEALTHCHECK` instruction missing.' }],
    },
  ],
});
