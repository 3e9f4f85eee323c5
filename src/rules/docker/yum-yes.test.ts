import { ruleTester } from '../../../test/support/rules.js';
import { yumYes } from './yum-yes.js';

ruleTester(yumYes, {
  valid: ['FROM a:1\nRUN yum install -y httpd-2.4 && yum clean all\n'],
  invalid: [
    {
      code: 'FROM a:1\nRUN yum groupinstall "Development Tools"\n',
      errors: [
        { line: 2, message: 'Use the -y switch to avoid manual input `yum install -y <package`' },
      ],
    },
  ],
});
