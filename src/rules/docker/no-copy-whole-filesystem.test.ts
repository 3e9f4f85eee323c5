import { ruleTester } from '../../../test/support/rules.js';
import { noCopyWholeFilesystem } from './no-copy-whole-filesystem.js';

ruleTester(noCopyWholeFilesystem, {
  valid: ['COPY --from=build /out /app\n', 'COPY / /\n'],
  invalid: [
    {
      code: 'FROM a:1\nCOPY --from=build / /\n',
      errors: [{ line: 2, message: 'Do not copy an entire filesystem from another stage' }],
    },
  ],
});
