import { ruleTester } from '../../../test/support/rules.js';
import { yumPinVersions } from './yum-pin-versions.js';

ruleTester(yumPinVersions, {
  valid: [
    'FROM a:1\nRUN yum install -y httpd-2.4.57 gcc-c++-11.2 openssl-1:1.1.1k\n',
    'FROM a:1\nRUN yum module install -y nodejs:18\n',
    'ARG V=2.4.57-1\nFROM a:1\nRUN yum install -y httpd-${V}\n',
  ],
  invalid: [
    {
      code: 'FROM a:1\nRUN yum install -y httpd rpm-sign\n',
      errors: [{ line: 2, message: 'Specify version with `yum install -y <package>-<version>`.' }],
    },
    {
      code: 'FROM a:1\nRUN yum module install -y nodejs\n',
      errors: [{ line: 2, message: 'Specify version with `yum install -y <package>-<version>`.' }],
    },
  ],
});
