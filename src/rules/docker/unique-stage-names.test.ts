import { ruleTester } from '../../../test/support/rules.js';
import { uniqueStageNames } from './unique-stage-names.js';

ruleTester(uniqueStageNames, {
  valid: ['FROM a:1 AS one\nFROM a:1 AS two\n'],
  invalid: [
    {
      code: 'FROM a:1 AS one\nFROM a:1 AS two\nFROM b:1 as ONE\n',
      errors: [{ line: 3, message: 'Duplicate FROM alias `one`.' }],
    },
  ],
});
