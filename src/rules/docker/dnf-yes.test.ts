import { ruleTester } from '../../../test/support/rules.js';
import { dnfYes } from './dnf-yes.js';

ruleTester(dnfYes, {
  valid: [
    'FROM a:1\nRUN dnf install -y x-1 && dnf clean all\n',
    'FROM a:1\nRUN notdnf install x\n',
  ],
  invalid: [
    {
      code: 'FROM a:1\nRUN microdnf install x-1\n',
      errors: [
        { line: 2, message: 'Use the -y switch to avoid manual input `dnf install -y <package>`.' },
      ],
    },
  ],
});
