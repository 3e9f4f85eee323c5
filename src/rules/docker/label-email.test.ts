import { describe, expect, it } from 'vitest';
import { dockerLines } from '../../../test/support/docker.js';
import { labelEmail } from './label-email.js';

describe('DL3058 label-email', () => {
  it.each(['LABEL maintainer=team@example.com\n'])('passes %j', (dockerfile) => {
    expect(dockerLines(labelEmail, dockerfile, { labelSchema: { maintainer: 'email' } })).toEqual(
      [],
    );
  });

  it('flags the offending instruction on its line', () => {
    expect(
      dockerLines(labelEmail, 'FROM a:1\nLABEL maintainer="team at example"\n', {
        labelSchema: { maintainer: 'email' },
      }),
    ).toEqual([2]);
  });
});
