import { ruleTester } from '../../../test/support/rules.js';
import { fromNoLatest } from './from-no-latest.js';

ruleTester(fromNoLatest, {
  valid: ['FROM debian:12\n', 'FROM debian:latest@sha256:abc\n'],
  invalid: [
    {
      code: 'FROM debian:12\nFROM registry.example.com:5000/team/debian:latest\n',
      errors: [
        {
          line: 2,
          message:
            'Using latest is prone to errors if the image will ever update. Pin the version explicitly to a release tag',
        },
      ],
    },
  ],
});
