import { describe, expect, it } from 'vitest';
import { dockerLines } from '../../../test/support/docker.js';
import { labelNoExtra } from './label-no-extra.js';

describe('DL3050 label-no-extra', () => {
  it.each(['LABEL owner=team\n'])('passes %j', (dockerfile) => {
    expect(
      dockerLines(labelNoExtra, dockerfile, { labelSchema: { owner: 'text' }, strictLabels: true }),
    ).toEqual([]);
  });

  it('flags the offending instruction on its line', () => {
    expect(
      dockerLines(labelNoExtra, 'FROM a:1\nLABEL owner=team other=x\n', {
        labelSchema: { owner: 'text' },
        strictLabels: true,
      }),
    ).toEqual([2]);
  });
});
