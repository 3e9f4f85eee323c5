import { ruleTester } from '../../../test/support/rules.js';
import { envNoSelfReference } from './env-no-self-reference.js';

ruleTester(envNoSelfReference, {
  valid: ['ENV A=1\nENV B=$A\n', 'ENV A=1 B=$AB\n', 'ENV PATH=/x:$PATH\n'],
  invalid: [
    {
      code: 'FROM a:1\nENV HOME=/app \\\n    BIN=${HOME}/bin\n',
      errors: [
        {
          line: 2,
          message:
            'Do not refer to an environment variable within the same `ENV` statement where it is defined.',
        },
      ],
    },
  ],
});
