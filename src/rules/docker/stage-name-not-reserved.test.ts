import { ruleTester } from '../../../test/support/rules.js';
import { stageNameNotReserved } from './stage-name-not-reserved.js';

ruleTester(stageNameNotReserved, {
  valid: ['FROM a:1 AS build\n'],
  invalid: [
    {
      code: 'FROM a:1\nFROM b:1 AS context\n',
      errors: [{ line: 2, message: 'Stage name `context` is a reserved word.' }],
    },
  ],
});
