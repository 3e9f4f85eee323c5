import { ruleTester } from '../../../test/support/rules.js';
import { onbuildValidTrigger } from './onbuild-valid-trigger.js';

ruleTester(onbuildValidTrigger, {
  valid: ['ONBUILD COPY . /src\n', 'ONBUILD RUN make\n'],
  invalid: [
    {
      code: 'FROM a:1\nONBUILD FROM debian:12\n',
      errors: [
        {
          line: 2,
          message: '`ONBUILD`, `FROM` or `MAINTAINER` triggered from within `ONBUILD` instruction.',
        },
      ],
    },
  ],
});
