import { ruleTester } from '../../../test/support/rules.js';
import { npmPinVersions } from './npm-pin-versions.js';

ruleTester(npmPinVersions, {
  valid: [
    'FROM a:1\nRUN npm install\n',
    'FROM a:1\nRUN npm install -g typescript@5.6.3 @scope/pkg@1.0.0\n',
    'FROM a:1\nRUN npm install ./local git+https://x/y.git#v1\n',
    'FROM a:1\nRUN npm run --silent install\n',
  ],
  invalid: [
    {
      code: 'FROM a:1\nRUN npm install express\n',
      errors: [
        {
          line: 2,
          message:
            'Pin versions in npm. Instead of `npm install <package>` use `npm install <package>@<version>`',
        },
      ],
    },
    {
      code: 'FROM a:1\nRUN npm install --registry https://r @scope/pkg\n',
      errors: [
        {
          line: 2,
          message:
            'Pin versions in npm. Instead of `npm install <package>` use `npm install <package>@<version>`',
        },
      ],
    },
  ],
});
