import { ruleTester } from '../../../test/support/rules.js';
import { labelSpdx } from './label-spdx.js';

ruleTester(labelSpdx, {
  valid: [
    { code: 'LABEL license="Apache-2.0 OR MIT"\n', options: { labelSchema: { license: 'spdx' } } },
    {
      code: 'LABEL license=GPL-2.0-only WITH Classpath-exception-2.0\n',
      options: { labelSchema: { license: 'spdx' } },
    },
  ],
  invalid: [
    {
      code: 'FROM a:1\nLABEL license="MIT AND"\n',
      options: { labelSchema: { license: 'spdx' } },
      errors: [{ line: 2, message: 'Label `license` is not a valid SPDX license identifier.' }],
    },
  ],
});
