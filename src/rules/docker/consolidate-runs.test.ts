import { ruleTester } from '../../../test/support/rules.js';
import { consolidateRuns } from './consolidate-runs.js';

ruleTester(consolidateRuns, {
  valid: [
    'FROM a:1\nRUN a\nWORKDIR /\nRUN b\n',
    'FROM a:1\nRUN a && b\nRUN c\n',
    'FROM a:1\nRUN --mount=type=secret,id=x a\nRUN b\n',
  ],
  invalid: [
    {
      code: 'FROM a:1\nRUN a\n# why\nRUN b\nRUN c\n',
      errors: [
        { line: 4, message: 'Multiple consecutive `RUN` instructions. Consider consolidation.' },
        { line: 5, message: 'Multiple consecutive `RUN` instructions. Consider consolidation.' },
      ],
    },
  ],
});
