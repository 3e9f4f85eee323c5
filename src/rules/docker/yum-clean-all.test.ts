import { ruleTester } from '../../../test/support/rules.js';
import { yumCleanAll } from './yum-clean-all.js';

ruleTester(yumCleanAll, {
  valid: [
    'FROM a:1\nRUN yum install -y x-1 && yum clean all\n',
    'FROM a:1\nRUN yum install -y x-1 && rm -rf /var/cache/yum\n',
    'FROM a:1\nRUN --mount=type=cache,target=/var/cache/yum yum install -y x-1\n',
  ],
  invalid: [
    {
      code: 'FROM a:1\nRUN yum install -y x-1\n',
      errors: [{ line: 2, message: '`yum clean all` missing after yum command.' }],
    },
    {
      code: 'FROM a:1\nRUN yum clean all && yum install -y x-1\n',
      errors: [{ line: 2, message: '`yum clean all` missing after yum command.' }],
    },
  ],
});
