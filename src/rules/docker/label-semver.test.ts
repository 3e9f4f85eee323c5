import { ruleTester } from '../../../test/support/rules.js';
import { labelSemver } from './label-semver.js';

ruleTester(labelSemver, {
  valid: [
    { code: 'LABEL version=1.2.3-rc.1+build.5\n', options: { labelSchema: { version: 'semver' } } },
  ],
  invalid: [
    {
      code: 'FROM a:1\nLABEL version=v1.2\n',
      options: { labelSchema: { version: 'semver' } },
      errors: [{ line: 2, message: 'Label `version` does not conform to semantic versioning.' }],
    },
  ],
});
