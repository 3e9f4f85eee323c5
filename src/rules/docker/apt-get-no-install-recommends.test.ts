import { ruleTester } from '../../../test/support/rules.js';
import { aptGetNoInstallRecommends } from './apt-get-no-install-recommends.js';

ruleTester(aptGetNoInstallRecommends, {
  valid: [
    'FROM a:1\nRUN apt-get install -y --no-install-recommends x=1\n',
    'FROM a:1\nRUN apt-get -o APT::Install-Recommends=false install -y x=1\n',
  ],
  invalid: [
    {
      code: 'FROM a:1\nRUN apt-get install -y x=1\n',
      errors: [
        { line: 2, message: 'Avoid additional packages by specifying `--no-install-recommends`' },
      ],
    },
  ],
});
