import { ruleTester } from '../../../test/support/rules.js';
import { envNoSelfReference } from './env-no-self-reference.js';

const MESSAGE =
  'Do not refer to an environment variable within the same `ENV` statement where it is defined.';
// An ENV of 20,000 pairs is read in one pass (it was quadratic in the pairs).
const PAIRS = Array.from({ length: 20_000 }, (_, i) => `V${i}=x`).join(' ');

ruleTester(envNoSelfReference, {
  valid: [
    'ENV A=1\nENV B=$A\n',
    'ENV A=1 B=$AB\n',
    'ENV PATH=/x:$PATH\n',
    'FROM a:1\nENV A=1 B=${AB}\n',
    'FROM a:1\nENV A=1 B=$A_1\n',
    'FROM a:1\nENV B=$A A=1\n',
    `FROM a:1\nENV ${PAIRS}\n`,
  ],
  invalid: [
    {
      code: 'FROM a:1\nENV HOME=/app \\\n    BIN=${HOME}/bin\n',
      errors: [{ line: 2, message: MESSAGE }],
    },
    ...['ENV A=1 B=${A:-x}\n', 'ENV A=1 B=x$A.y\n', 'ENV A.B=1 C=$A.B\n'].map((line) => ({
      code: `FROM a:1\n${line}`,
      errors: [{ line: 2, message: MESSAGE }],
    })),
    { code: `FROM a:1\nENV ${PAIRS} LAST=$V0\n`, errors: [{ line: 2, message: MESSAGE }] },
  ],
});
