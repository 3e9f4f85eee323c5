import { ruleTester } from '../../../test/support/rules.js';
import { noSecretsInArgEnv } from './no-secrets-in-arg-env.js';

ruleTester(noSecretsInArgEnv, {
  valid: ['ARG VERSION\nENV HOME=/app\n'],
  invalid: [
    {
      code: 'FROM a:1\nARG GITHUB_TOKEN\nENV DB_PASSWORD=x\n',
      errors: [
        {
          line: 2,
          message: 'Potentially sensitive data should not be used in the `ARG` or `ENV` commands',
        },
        {
          line: 3,
          message: 'Potentially sensitive data should not be used in the `ARG` or `ENV` commands',
        },
      ],
    },
  ],
});
