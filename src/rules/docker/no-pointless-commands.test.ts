import { ruleTester } from '../../../test/support/rules.js';
import { noPointlessCommands } from './no-pointless-commands.js';

ruleTester(noPointlessCommands, {
  valid: ['FROM a:1\nRUN apt-get install -y openssh-client=1:9.2\n', 'FROM a:1\nRUN echo top\n'],
  invalid: [
    {
      code: 'FROM a:1\nRUN apt-get update\nRUN ps aux | grep x\n',
      errors: [
        {
          line: 3,
          message:
            'For some bash commands it makes no sense running them in a Docker container like `ssh`, `vim`, `shutdown`, `service`, `ps`, `free`, `top`, `kill`, `mount`, `ifconfig`',
        },
      ],
    },
    {
      code: 'FROM a:1\nONBUILD RUN service nginx start\n',
      errors: [
        {
          line: 2,
          message:
            'For some bash commands it makes no sense running them in a Docker container like `ssh`, `vim`, `shutdown`, `service`, `ps`, `free`, `top`, `kill`, `mount`, `ifconfig`',
        },
      ],
    },
  ],
});
