import { describe, expect, it } from 'vitest';
import { dockerLines } from '../../../test/support/docker.js';
import { useWorkdir } from './use-workdir.js';

describe('DL3003 use-workdir', () => {
  it.each(['FROM a:1\nWORKDIR /opt\nRUN make\n', 'FROM a:1\nRUN echo cd\n'])(
    'passes %j',
    (dockerfile) => {
      expect(dockerLines(useWorkdir, dockerfile)).toEqual([]);
    },
  );

  it.each([
    ['FROM a:1\nRUN cd /opt && make\n', [2]],
    ['FROM a:1\nRUN make \\\n && (cd docs; make)\n', [2]],
  ] as Array<[string, number[]]>)('flags %j on the offending line', (dockerfile, lines) => {
    expect(dockerLines(useWorkdir, dockerfile)).toEqual(lines);
  });
});
