import { ruleTester } from '../../../test/support/rules.js';
import { wgetProgress } from './wget-progress.js';

ruleTester(wgetProgress, {
  valid: [
    'FROM a:1\nRUN wget --progress=dot:giga https://x/y\n',
    'FROM a:1\nRUN wget -qO- https://x/y\n',
    'FROM a:1\nRUN wget -nv https://x/y\n',
  ],
  invalid: [
    {
      code: 'FROM a:1\nRUN wget https://x/y\n',
      errors: [
        {
          line: 2,
          message:
            'Avoid use of wget without progress bar. Use `wget --progress=dot:giga <url>`.Or consider using `-q` or `-nv` (shorthands for `--quiet` or `--no-verbose`).',
        },
      ],
    },
  ],
});
