import { describe, expect, it } from 'vitest';
import { dockerLines } from '../../../test/support/docker.js';
import { labelSemver } from './label-semver.js';

describe('DL3056 label-semver', () => {
  it.each(['LABEL version=1.2.3-rc.1+build.5\n'])('passes %j', (dockerfile) => {
    expect(dockerLines(labelSemver, dockerfile, { labelSchema: { version: 'semver' } })).toEqual(
      [],
    );
  });

  it('flags the offending instruction on its line', () => {
    expect(
      dockerLines(labelSemver, 'FROM a:1\nLABEL version=v1.2\n', {
        labelSchema: { version: 'semver' },
      }),
    ).toEqual([2]);
  });
});
