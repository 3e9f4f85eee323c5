import { ruleTester } from '../../../test/support/rules.js';
import { pipNoCacheDir } from './pip-no-cache-dir.js';

ruleTester(pipNoCacheDir, {
  valid: [
    'FROM a:1\nRUN pip install --no-cache-dir x==1\n',
    'FROM a:1\nENV PIP_NO_CACHE_DIR=1\nRUN pip install x==1\n',
    'FROM a:1 AS base\nENV PIP_NO_CACHE_DIR=true\nFROM base\nRUN pip install x==1\n',
    'FROM a:1\nRUN PIP_NO_CACHE_DIR=1 pip install x==1\n',
    'FROM a:1\nRUN pipx install x\n',
  ],
  invalid: [
    {
      code: 'FROM a:1\nRUN pip install x==1\n',
      errors: [
        {
          line: 2,
          message:
            'Avoid use of cache directory with pip. Use `pip install --no-cache-dir <package>`.',
        },
      ],
    },
    {
      code: 'FROM a:1 AS base\nENV PIP_NO_CACHE_DIR=1\nFROM a:1\nRUN pip install x==1\n',
      errors: [
        {
          line: 4,
          message:
            'Avoid use of cache directory with pip. Use `pip install --no-cache-dir <package>`.',
        },
      ],
    },
    {
      code: 'FROM a:1\nENV PIP_NO_CACHE_DIR=off\nRUN pip install x==1\n',
      errors: [
        {
          line: 3,
          message:
            'Avoid use of cache directory with pip. Use `pip install --no-cache-dir <package>`.',
        },
      ],
    },
  ],
});
