import { ruleTester } from '../../../test/support/rules.js';
import { fromFirst } from './from-first.js';

ruleTester(fromFirst, {
  valid: ['ARG V=1\nFROM a:$V\nLABEL x=y\n', '# syntax=docker/dockerfile:1\nFROM a:1\n'],
  invalid: [
    {
      code: '# comment\nLABEL x=y\nFROM a:1\n',
      errors: [
        {
          line: 2,
          message:
            'Invalid instruction order. Dockerfile must begin with `FROM`, `ARG` or comment.',
        },
      ],
    },
  ],
});
