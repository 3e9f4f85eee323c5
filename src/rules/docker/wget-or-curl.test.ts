import { ruleTester } from '../../../test/support/rules.js';
import { wgetOrCurl } from './wget-or-curl.js';

ruleTester(wgetOrCurl, {
  valid: ['FROM a:1\nRUN wget -q x\nFROM b:1\nRUN curl -fsS y\n'],
  invalid: [
    {
      code: 'FROM a:1\nRUN wget -q x\nRUN echo hi\nRUN curl -fsS y\nRUN wget -q z\n',
      errors: [
        { line: 4, message: 'Either use Wget or Curl but not both' },
        { line: 5, message: 'Either use Wget or Curl but not both' },
      ],
    },
    {
      code: 'FROM a:1\nRUN wget -q x && curl -fsS y\n',
      errors: [{ line: 2, message: 'Either use Wget or Curl but not both' }],
    },
  ],
});
