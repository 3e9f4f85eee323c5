import { describe, expect, it } from 'vitest';
import { dockerLines } from '../../../test/support/docker.js';
import { labelNotEmpty } from './label-not-empty.js';

describe('DL3051 label-not-empty', () => {
  it.each(['LABEL owner=team\n', 'LABEL other=""\n'])('passes %j', (dockerfile) => {
    expect(dockerLines(labelNotEmpty, dockerfile, { labelSchema: { owner: 'text' } })).toEqual([]);
  });

  it('flags the offending instruction on its line', () => {
    expect(
      dockerLines(labelNotEmpty, 'FROM a:1\nLABEL owner=""\n', { labelSchema: { owner: 'text' } }),
    ).toEqual([2]);
  });
});
