import { ruleTester } from '../../../test/support/rules.js';
import { noApt } from './no-apt.js';

ruleTester(noApt, {
  valid: ['FROM a:1\nRUN apt-get install -y x=1\n', 'FROM a:1\nRUN apt-cache show x\n'],
  invalid: [
    {
      code: 'FROM a:1\nRUN apt install -y x\n',
      errors: [
        {
          line: 2,
          message:
            'Do not use apt as it is meant to be a end-user tool, use apt-get or apt-cache instead',
        },
      ],
    },
  ],
});
