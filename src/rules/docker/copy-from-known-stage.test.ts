import { ruleTester } from '../../../test/support/rules.js';
import { copyFromKnownStage } from './copy-from-known-stage.js';

ruleTester(copyFromKnownStage, {
  valid: [
    'FROM a:1 AS build\nFROM b:1\nCOPY --from=build /x /x\n',
    'FROM a:1\nFROM b:1\nCOPY --from=0 /x /x\n',
    'COPY --from=nginx:1.27 /etc/nginx /etc/nginx\n',
  ],
  invalid: [
    {
      code: 'FROM b:1\nCOPY --from=build /x /x\nFROM a:1 AS build\n',
      errors: [
        { line: 2, message: '`COPY --from` should reference a previously defined `FROM` alias' },
      ],
    },
  ],
});
