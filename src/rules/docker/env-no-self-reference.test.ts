import { describe, expect, it } from 'vitest';
import { dockerLines } from '../../../test/support/docker.js';
import { envNoSelfReference } from './env-no-self-reference.js';

describe('DL3044 env-no-self-reference', () => {
  it.each(['ENV A=1\nENV B=$A\n', 'ENV A=1 B=$AB\n', 'ENV PATH=/x:$PATH\n'])(
    'passes %j',
    (dockerfile) => {
      expect(dockerLines(envNoSelfReference, dockerfile)).toEqual([]);
    },
  );

  it.each([
    ['ENV A=1 B=${A:-x}\n', [1]],
    ['ENV A=1 B=${AB}\n', []],
    ['ENV A=1 B=$A_1\n', []],
    ['ENV A=1 B=x$A.y\n', [1]],
    ['ENV A.B=1 C=$A.B\n', [1]],
    ['ENV B=$A A=1\n', []],
  ])('%j', (dockerfile, lines) => {
    expect(dockerLines(envNoSelfReference, `FROM a:1\n${dockerfile}`)).toEqual(
      lines.map((line) => line + 1),
    );
  });

  it('reads an ENV of 20,000 pairs in one pass', () => {
    const pairs = Array.from({ length: 20_000 }, (_, i) => `V${i}=x`);
    expect(dockerLines(envNoSelfReference, `FROM a:1\nENV ${pairs.join(' ')}\n`)).toEqual([]);
    pairs.push('LAST=$V0');
    expect(dockerLines(envNoSelfReference, `FROM a:1\nENV ${pairs.join(' ')}\n`)).toEqual([2]);
  });

  it('flags the offending instruction on its line', () => {
    expect(
      dockerLines(envNoSelfReference, 'FROM a:1\nENV HOME=/app \\\n    BIN=${HOME}/bin\n'),
    ).toEqual([2]);
  });
});
