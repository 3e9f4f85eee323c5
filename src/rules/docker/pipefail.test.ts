import { ruleTester } from '../../../test/support/rules.js';
import { pipefail } from './pipefail.js';

ruleTester(pipefail, {
  valid: [
    'FROM a:1\nRUN a && b\n',
    'FROM a:1\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN a | b\n',
    'FROM a:1\nSHELL ["pwsh", "-c"]\nRUN a | b\n',
  ],
  invalid: [
    {
      code: 'FROM a:1\nRUN curl -fsS x \\\n  | tar -x\n',
      errors: [
        {
          line: 2,
          message:
            'Set the SHELL option -o pipefail before RUN with a pipe in it. If you are using /bin/sh in an alpine image or if your shell is symlinked to busybox then consider explicitly setting your SHELL to /bin/ash, or disable this check',
        },
      ],
    },
    {
      code: 'FROM a:1\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nFROM b:1\nRUN a | b\n',
      errors: [
        {
          line: 4,
          message:
            'Set the SHELL option -o pipefail before RUN with a pipe in it. If you are using /bin/sh in an alpine image or if your shell is symlinked to busybox then consider explicitly setting your SHELL to /bin/ash, or disable this check',
        },
      ],
    },
  ],
});
