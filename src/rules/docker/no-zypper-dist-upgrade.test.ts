import { ruleTester } from '../../../test/support/rules.js';
import { noZypperDistUpgrade } from './no-zypper-dist-upgrade.js';

ruleTester(noZypperDistUpgrade, {
  valid: ['FROM a:1\nRUN zypper install -y x=1\n'],
  invalid: [
    {
      code: 'FROM a:1\nRUN zypper -n dup\n',
      errors: [{ line: 2, message: 'Do not use `zypper dist-upgrade`.' }],
    },
  ],
});
