import { ruleTester } from '../../../test/support/rules.js';
import { noLnSh } from './no-ln-sh.js';

ruleTester(noLnSh, {
  valid: [
    'FROM a:1\nRUN ln -s /usr/bin/python3 /usr/bin/python\n',
    'FROM a:1\nSHELL ["/bin/bash", "-c"]\n',
  ],
  invalid: [
    {
      code: 'FROM a:1\nRUN ln -sf /bin/bash /bin/sh\n',
      errors: [{ line: 2, message: 'Use SHELL to change the default shell' }],
    },
  ],
});
