import { ruleTester } from '../../../test/support/rules.js';
import { apkNoCache } from './apk-no-cache.js';

ruleTester(apkNoCache, {
  valid: [
    'FROM a:1\nRUN apk add --no-cache curl=8\n',
    'FROM a:1\nRUN --mount=type=cache,target=/var/cache/apk apk add curl=8\n',
  ],
  invalid: [
    {
      code: 'FROM a:1\nRUN apk add curl=8\n',
      errors: [
        {
          line: 2,
          message:
            'Use the `--no-cache` switch to avoid the need to use `--update` and remove `/var/cache/apk/*` when done installing packages',
        },
      ],
    },
    {
      code: 'FROM a:1\nRUN --mount=type=cache,target=/tmp apk add -U curl=8\n',
      errors: [
        {
          line: 2,
          message:
            'Use the `--no-cache` switch to avoid the need to use `--update` and remove `/var/cache/apk/*` when done installing packages',
        },
      ],
    },
  ],
});
