import { describe, expect, it } from 'vitest';
import { dockerLines } from '../../../test/support/docker.js';
import { healthcheckPresent } from './healthcheck-present.js';

describe('DL3057 healthcheck-present', () => {
  it.each([
    'FROM a:1\nHEALTHCHECK NONE\n',
    'FROM a:1 AS base\nHEALTHCHECK CMD ["/c"]\nFROM base\n',
  ])('passes %j', (dockerfile) => {
    expect(dockerLines(healthcheckPresent, dockerfile)).toEqual([]);
  });

  it('flags the offending instruction on its line', () => {
    expect(
      dockerLines(healthcheckPresent, 'FROM a:1 AS base\nHEALTHCHECK CMD ["/c"]\nFROM b:1\n'),
    ).toEqual([3]);
  });
});
