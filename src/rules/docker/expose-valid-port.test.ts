import { ruleTester } from '../../../test/support/rules.js';
import { exposeValidPort } from './expose-valid-port.js';

ruleTester(exposeValidPort, {
  valid: ['EXPOSE 8080/tcp 9000-9010\n', 'EXPOSE ${PORT}\n'],
  invalid: [
    {
      code: 'FROM debian:12\nEXPOSE 80 70000/udp\n',
      errors: [{ line: 2, message: 'Valid UNIX ports range from 0 to 65535' }],
    },
  ],
});
