import { ruleTester } from '../../../test/support/rules.js';
import { aptGetDeleteLists } from './apt-get-delete-lists.js';

ruleTester(aptGetDeleteLists, {
  valid: [
    'FROM a:1\nRUN apt-get update && apt-get install -y x=1 && rm -rf /var/lib/apt/lists/*\n',
    'FROM a:1 AS build\nRUN apt-get update\nFROM b:1\nCOPY --from=build /x /x\n',
    'FROM a:1\nRUN --mount=type=cache,target=/var/lib/apt/lists apt-get update\n',
  ],
  invalid: [
    {
      code: 'FROM a:1\nRUN apt-get update \\\n && apt-get install -y x=1\n',
      errors: [{ line: 2, message: 'Delete the apt-get lists after installing something.' }],
    },
    {
      code: 'FROM a:1 AS base\nRUN apt-get update\nFROM base\nRUN true\n',
      errors: [{ line: 2, message: 'Delete the apt-get lists after installing something.' }],
    },
  ],
});
