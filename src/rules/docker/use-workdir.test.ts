import { ruleTester } from '../../../test/support/rules.js';
import { useWorkdir } from './use-workdir.js';

ruleTester(useWorkdir, {
  valid: ['FROM a:1\nWORKDIR /opt\nRUN make\n', 'FROM a:1\nRUN echo cd\n'],
  invalid: [
    {
      code: 'FROM a:1\nRUN cd /opt && make\n',
      errors: [{ line: 2, message: 'Use WORKDIR to switch to a directory' }],
    },
    {
      code: 'FROM a:1\nRUN make \\\n && (cd docs; make)\n',
      errors: [{ line: 2, message: 'Use WORKDIR to switch to a directory' }],
    },
  ],
});
