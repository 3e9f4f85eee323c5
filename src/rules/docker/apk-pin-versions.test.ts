import { ruleTester } from '../../../test/support/rules.js';
import { apkPinVersions } from './apk-pin-versions.js';

ruleTester(apkPinVersions, {
  valid: [
    'FROM a:1\nRUN apk add --no-cache curl=8.5.0-r0 "git>2.40"\n',
    'FROM a:1\nRUN apk add --virtual .build gcc=13.2\n',
    'FROM a:1\nRUN apk add ./pkg.apk\n',
  ],
  invalid: [
    {
      code: 'FROM a:1\nRUN apk add --no-cache curl\n',
      errors: [
        {
          line: 2,
          message:
            'Pin versions in apk add. Instead of `apk add <package>` use `apk add <package>=<version>`',
        },
      ],
    },
    {
      code: 'FROM a:1\nRUN apk add --repository=https://x/edge curl\n',
      errors: [
        {
          line: 2,
          message:
            'Pin versions in apk add. Instead of `apk add <package>` use `apk add <package>=<version>`',
        },
      ],
    },
  ],
});
