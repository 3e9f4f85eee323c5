import { ruleTester } from '../../../test/support/rules.js';
import { gemPinVersions } from './gem-pin-versions.js';

ruleTester(gemPinVersions, {
  valid: [
    'FROM a:1\nRUN gem install bundler:2.5.6\n',
    'FROM a:1\nRUN gem install bundler -v 2.5.6\n',
    'FROM a:1\nRUN gem install nokogiri:1.16 -- --use-system-libraries\n',
  ],
  invalid: [
    {
      code: 'FROM a:1\nRUN gem install bundler\n',
      errors: [
        {
          line: 2,
          message:
            'Pin versions in gem install. Instead of `gem install <gem>` use `gem install <gem>:<version>`.',
        },
      ],
    },
    {
      code: 'FROM a:1\nRUN gem i rails:7 --no-document rake\n',
      errors: [
        {
          line: 2,
          message:
            'Pin versions in gem install. Instead of `gem install <gem>` use `gem install <gem>:<version>`.',
        },
      ],
    },
  ],
});
