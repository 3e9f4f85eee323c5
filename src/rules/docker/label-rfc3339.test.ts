import { describe, expect, it } from 'vitest';
import { dockerLines } from '../../../test/support/docker.js';
import { labelRfc3339 } from './label-rfc3339.js';

describe('DL3053 label-rfc3339', () => {
  it.each(['LABEL created=2024-05-01T10:00:00Z\n'])('passes %j', (dockerfile) => {
    expect(dockerLines(labelRfc3339, dockerfile, { labelSchema: { created: 'rfc3339' } })).toEqual(
      [],
    );
  });

  it('flags the offending instruction on its line', () => {
    expect(
      dockerLines(labelRfc3339, 'FROM a:1\nLABEL created=2024-05-01\n', {
        labelSchema: { created: 'rfc3339' },
      }),
    ).toEqual([2]);
  });
});
