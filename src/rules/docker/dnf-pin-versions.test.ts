import { ruleTester } from '../../../test/support/rules.js';
import { dnfPinVersions } from './dnf-pin-versions.js';

ruleTester(dnfPinVersions, {
  valid: [
    'FROM a:1\nRUN dnf install -y httpd-2.4.57\n',
    'FROM a:1\nRUN dnf group install -y "Development Tools"\n',
    'FROM a:1\nRUN dnf module install -y nodejs:18\n',
  ],
  invalid: [
    {
      code: 'FROM a:1\nRUN dnf install -y rpm-sign\n',
      errors: [{ line: 2, message: 'Specify version with `dnf install -y <package>-<version>`.' }],
    },
    {
      code: 'FROM a AS base\nENV V=1.2-3\nFROM a:1\nRUN dnf install -y x-${V}\n',
      errors: [{ line: 4, message: 'Specify version with `dnf install -y <package>-<version>`.' }],
    },
  ],
});
