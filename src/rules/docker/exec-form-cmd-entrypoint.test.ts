import { ruleTester } from '../../../test/support/rules.js';
import { execFormCmdEntrypoint } from './exec-form-cmd-entrypoint.js';

ruleTester(execFormCmdEntrypoint, {
  valid: [
    'CMD ["app", "--port", "80"]\n',
    'HEALTHCHECK NONE\n',
    'HEALTHCHECK --interval=5s CMD ["/check"]\n',
  ],
  invalid: [
    {
      code: 'FROM a:1\nENTRYPOINT /app \\\n  --verbose\n',
      errors: [
        { line: 2, message: 'Use arguments JSON notation for CMD and ENTRYPOINT arguments' },
      ],
    },
  ],
});
