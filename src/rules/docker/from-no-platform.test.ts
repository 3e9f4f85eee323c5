import { ruleTester } from '../../../test/support/rules.js';
import { fromNoPlatform } from './from-no-platform.js';

ruleTester(fromNoPlatform, {
  valid: ['FROM --platform=$BUILDPLATFORM golang:1.23\n', 'FROM golang:1.23\n'],
  invalid: [
    {
      code: 'FROM a:1\nFROM --platform=linux/amd64 golang:1.23\n',
      errors: [{ line: 2, message: 'Do not use --platform flag with FROM' }],
    },
  ],
});
