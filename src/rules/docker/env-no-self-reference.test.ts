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

  it('flags the offending instruction on its line', () => {
    expect(
      dockerLines(envNoSelfReference, 'FROM a:1\nENV HOME=/app \\\n    BIN=${HOME}/bin\n'),
    ).toEqual([2]);
  });
});
