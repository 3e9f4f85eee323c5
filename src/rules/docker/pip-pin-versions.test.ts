import { ruleTester } from '../../../test/support/rules.js';
import { pipPinVersions } from './pip-pin-versions.js';

ruleTester(pipPinVersions, {
  valid: [
    'FROM a:1\nRUN pip install requests==2.32.3 "flask>=3"\n',
    'FROM a:1\nRUN pip install -r requirements.txt\n',
    'FROM a:1\nRUN pip install .\n',
    'FROM a:1\nRUN pip install git+https://x/y.git@v1#egg=y\n',
    'FROM a:1\nRUN pipenv install black\n',
  ],
  invalid: [
    {
      code: 'FROM a:1\nRUN python3 -m pip install requests\n',
      errors: [
        {
          line: 2,
          message:
            'Pin versions in pip. Instead of `pip install <package>` use `pip install <package>==<version>` or `pip install --requirement <requirements file>`.',
        },
      ],
    },
    {
      code: 'FROM a:1\nRUN pip install --index-url https://x/simple requests\n',
      errors: [
        {
          line: 2,
          message:
            'Pin versions in pip. Instead of `pip install <package>` use `pip install <package>==<version>` or `pip install --requirement <requirements file>`.',
        },
      ],
    },
  ],
});
