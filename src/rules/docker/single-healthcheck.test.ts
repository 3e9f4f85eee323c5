import { ruleTester } from '../../../test/support/rules.js';
import { singleHealthcheck } from './single-healthcheck.js';

ruleTester(singleHealthcheck, {
  valid: ['FROM a:1\nHEALTHCHECK CMD true\nFROM b:1\nHEALTHCHECK CMD true\n'],
  invalid: [
    {
      code: 'FROM a:1\nHEALTHCHECK CMD true\nHEALTHCHECK NONE\n',
      errors: [{ line: 3, message: 'Multiple `HEALTHCHECK` instructions' }],
    },
  ],
});
