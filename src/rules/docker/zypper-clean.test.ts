import { ruleTester } from '../../../test/support/rules.js';
import { zypperClean } from './zypper-clean.js';

ruleTester(zypperClean, {
  valid: [
    'FROM a:1\nRUN zypper install -y x=1 && zypper cc\n',
    'FROM a:1\nRUN --mount=type=tmpfs,target=/var/cache/zypp zypper install -y x=1\n',
  ],
  invalid: [
    {
      code: 'FROM a:1\nRUN zypper install -y x=1\n',
      errors: [{ line: 2, message: '`zypper clean` missing after zypper use.' }],
    },
    {
      code: 'FROM a:1\nRUN zypper clean && zypper in -y x=1\n',
      errors: [{ line: 2, message: '`zypper clean` missing after zypper use.' }],
    },
  ],
});
