import { ruleTester } from '../../../test/support/rules.js';
import { zypperNonInteractive } from './zypper-non-interactive.js';

ruleTester(zypperNonInteractive, {
  valid: [
    'FROM a:1\nRUN zypper install -y x=1\n',
    'FROM a:1\nRUN zypper --non-interactive install x=1\n',
  ],
  invalid: [
    {
      code: 'FROM a:1\nRUN zypper install x=1 && zypper clean\n',
      errors: [
        {
          line: 2,
          message: 'Non-interactive switch missing from `zypper` command: `zypper install -y`',
        },
      ],
    },
  ],
});
