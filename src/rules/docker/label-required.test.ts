import { describe, expect, it } from 'vitest';
import { dockerLines } from '../../../test/support/docker.js';
import { labelRequired } from './label-required.js';

describe('DL3049 label-required', () => {
  it.each([
    'FROM a:1\nLABEL owner=team\n',
    'FROM a:1 AS base\nFROM b:1\nLABEL owner=team\nCOPY --from=base /x /x\n',
  ])('passes %j', (dockerfile) => {
    expect(dockerLines(labelRequired, dockerfile, { labelSchema: { owner: 'text' } })).toEqual([]);
  });

  it('flags the offending instruction on its line', () => {
    expect(
      dockerLines(labelRequired, 'FROM a:1\nLABEL other=x\nFROM b:1\nLABEL owner=team\n', {
        labelSchema: { owner: 'text' },
      }),
    ).toEqual([1]);
  });
});
