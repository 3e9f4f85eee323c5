import { describe, expect, it } from 'vitest';
import { dockerLines, runDockerRule } from '../../../test/support/docker.js';
import { copyMultipleSourcesDir } from './copy-multiple-sources-dir.js';

describe('DL3021 copy-multiple-sources-dir', () => {
  it.each(['COPY a b /dst/\n', 'COPY a b\n', 'COPY ["a", "b", "/dst/"]\n'])(
    'passes %j',
    (dockerfile) => {
      expect(dockerLines(copyMultipleSourcesDir, dockerfile)).toEqual([]);
    },
  );

  it('flags the offending instruction on its line', () => {
    expect(dockerLines(copyMultipleSourcesDir, 'FROM debian:12\nCOPY a b \\\n  /dst\n')).toEqual([
      2,
    ]);
  });
});

describe('DL3021 placement', () => {
  it('spans a continued instruction with endLine', () => {
    expect(runDockerRule(copyMultipleSourcesDir, 'FROM a:1\nCOPY a b \\\n  /dst\n')).toMatchObject([
      { line: 2, endLine: 3 },
    ]);
  });
});
