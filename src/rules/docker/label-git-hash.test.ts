import { describe, expect, it } from 'vitest';
import { dockerLines } from '../../../test/support/docker.js';
import { labelGitHash } from './label-git-hash.js';

describe('DL3055 label-git-hash', () => {
  it.each(['LABEL rev=2dbfae9\n'])('passes %j', (dockerfile) => {
    expect(dockerLines(labelGitHash, dockerfile, { labelSchema: { rev: 'hash' } })).toEqual([]);
  });

  it('flags the offending instruction on its line', () => {
    expect(
      dockerLines(labelGitHash, 'FROM a:1\nLABEL rev=main\n', { labelSchema: { rev: 'hash' } }),
    ).toEqual([2]);
  });
});
