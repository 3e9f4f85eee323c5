import { ruleTester } from '../../../test/support/rules.js';
import { trustedRegistries } from './trusted-registries.js';

ruleTester(trustedRegistries, {
  valid: [
    {
      code: 'FROM registry.example.com/debian:12\n',
      options: { trustedRegistries: ['registry.example.com'] },
    },
    { code: 'FROM scratch\n', options: { trustedRegistries: ['registry.example.com'] } },
  ],
  invalid: [
    {
      code: 'FROM registry.example.com/a:1 AS a\nFROM a\nFROM debian:12\nCOPY --from=quay.io/b/c:1 /x /x\n',
      options: { trustedRegistries: ['registry.example.com'] },
      errors: [
        { line: 3, message: 'Use only an allowed registry in the FROM image: docker.io' },
        { line: 4, message: 'Use only an allowed registry in the FROM image: quay.io' },
      ],
    },
  ],
});
