import { ruleTester } from '../../../test/support/rules.js';
import { copyFromNotSelf } from './copy-from-not-self.js';

ruleTester(copyFromNotSelf, {
  valid: ['FROM a:1 AS build\nFROM b:1 AS final\nCOPY --from=build /x /x\n'],
  invalid: [
    {
      code: 'FROM a:1 AS build\nCOPY --from=BUILD /x /x\n',
      errors: [{ line: 2, message: '`COPY --from` cannot reference its own `FROM` alias' }],
    },
  ],
});
