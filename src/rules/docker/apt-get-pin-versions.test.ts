import { ruleTester } from '../../../test/support/rules.js';
import { aptGetPinVersions } from './apt-get-pin-versions.js';

ruleTester(aptGetPinVersions, {
  valid: [
    'FROM a:1\nRUN apt-get install -y curl=7.88.1\n',
    'FROM a:1\nRUN apt-get install -y -t bookworm-backports curl=7.88\n',
    'FROM a:1\nRUN apt-get install -y ./local.deb\n',
    'FROM a:1\nRUN apt-get update\n',
  ],
  invalid: [
    {
      code: 'FROM a:1\nRUN apt-get update \\\n && apt-get install -y curl=7.88 wget\n',
      errors: [
        {
          line: 2,
          message:
            'Pin versions in apt get install. Instead of `apt-get install <package>` use `apt-get install <package>=<version>`',
        },
      ],
    },
    {
      code: 'ARG PKG=curl\nFROM a:1\nRUN apt-get install -y "$PKG"\n',
      errors: [
        {
          line: 3,
          message:
            'Pin versions in apt get install. Instead of `apt-get install <package>` use `apt-get install <package>=<version>`',
        },
      ],
    },
  ],
});
