import { ruleTester } from '../../../test/support/rules.js';
import { labelKeyValid } from './label-key-valid.js';

ruleTester(labelKeyValid, {
  valid: ['LABEL org.opencontainers.image.title=app\n'],
  invalid: [
    {
      code: 'FROM a:1\nLABEL ok=1 com.docker.thing=2\n',
      errors: [{ line: 2, message: 'Invalid label key `com.docker.thing`' }],
    },
  ],
});
