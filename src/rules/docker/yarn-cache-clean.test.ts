import { ruleTester } from '../../../test/support/rules.js';
import { yarnCacheClean } from './yarn-cache-clean.js';

ruleTester(yarnCacheClean, {
  valid: [
    'FROM a:1\nRUN yarn install && yarn cache clean\n',
    'FROM a:1 AS deps\nRUN yarn install\nFROM b:1\nCOPY --from=deps /app /app\n',
  ],
  invalid: [
    {
      code: 'FROM a:1\nRUN yarn install\n',
      errors: [{ line: 2, message: '`yarn cache clean` missing after `yarn install` was run.' }],
    },
    {
      code: 'FROM a:1\nRUN yarn cache clean && yarn install\n',
      errors: [{ line: 2, message: '`yarn cache clean` missing after `yarn install` was run.' }],
    },
  ],
});
