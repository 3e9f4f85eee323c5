import { ruleTester } from '../../../test/support/rules.js';
import { aptGetYes } from './apt-get-yes.js';

ruleTester(aptGetYes, {
  valid: [
    'FROM a:1\nRUN apt-get install -y x=1\n',
    'FROM a:1\nRUN apt-get --assume-yes install x=1\n',
    'FROM a:1\nRUN apt-get install -qq x=1\n',
    'FROM a:1\nRUN apt-get install -q=2 x=1\n',
  ],
  invalid: [
    {
      code: 'FROM a:1\nRUN apt-get install x=1\n',
      errors: [
        {
          line: 2,
          message: 'Use the `-y` switch to avoid manual input `apt-get -y install <package>`',
        },
      ],
    },
    {
      code: 'FROM a:1\nRUN apt-get install -q x=1\n',
      errors: [
        {
          line: 2,
          message: 'Use the `-y` switch to avoid manual input `apt-get -y install <package>`',
        },
      ],
    },
  ],
});
