import { ruleTester } from '../../../test/support/rules.js';
import { noSudo } from './no-sudo.js';

ruleTester(noSudo, {
  valid: ['FROM a:1\nRUN apt-get install -y sudo=1.9\n'],
  invalid: [
    {
      code: 'FROM a:1\nRUN apt-get update && sudo apt-get install -y x=1\n',
      errors: [
        {
          line: 2,
          message:
            'Do not use sudo as it leads to unpredictable behavior. Use a tool like gosu to enforce root',
        },
      ],
    },
    {
      code: 'FROM a:1\nRUN echo "$(sudo id)"\n',
      errors: [
        {
          line: 2,
          message:
            'Do not use sudo as it leads to unpredictable behavior. Use a tool like gosu to enforce root',
        },
      ],
    },
  ],
});
