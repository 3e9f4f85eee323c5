import { ruleTester } from '../../../test/support/rules.js';
import { zypperPinVersions } from './zypper-pin-versions.js';

ruleTester(zypperPinVersions, {
  valid: ['FROM a:1\nRUN zypper install -y "x>=1.2" y=2 z-1.0-1.rpm\n'],
  invalid: [
    {
      code: 'FROM a:1\nRUN zypper in -y x\n',
      errors: [
        { line: 2, message: 'Specify version with `zypper install -y <package>=<version>`.' },
      ],
    },
  ],
});
