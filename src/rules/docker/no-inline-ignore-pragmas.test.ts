import { ruleTester } from '../../../test/support/rules.js';
import { noInlineIgnorePragmas } from './no-inline-ignore-pragmas.js';

ruleTester(noInlineIgnorePragmas, {
  valid: ['# hadolint shell=bash\nFROM debian:12\n', '# a comment\nFROM debian:12\n'],
  invalid: [
    {
      code: 'FROM debian:12\n# hadolint ignore=DL3008\nRUN apt-get install -y curl\n',
      errors: [
        {
          line: 2,
          message: 'Please refrain from using inline ignore pragmas `# hadolint ignore=DLxxxx`.',
        },
      ],
    },
  ],
});
