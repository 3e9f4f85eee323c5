import { ruleTester } from '../../../test/support/rules.js';
import { copyNotAdd } from './copy-not-add.js';

ruleTester(copyNotAdd, {
  valid: ['ADD https://example.com/a.tgz /tmp/\n', 'ADD rootfs.tar.xz /\n'],
  invalid: [
    {
      code: 'FROM debian:12\nADD --chown=1 app.py /app/\n',
      errors: [{ line: 2, message: 'Use COPY instead of ADD for files and folders' }],
    },
  ],
});
