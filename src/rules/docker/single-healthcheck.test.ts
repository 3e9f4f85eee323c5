import { describe, expect, it } from 'vitest';
import { dockerLines } from '../../../test/support/docker.js';
import { singleHealthcheck } from './single-healthcheck.js';

describe('DL3012 single-healthcheck', () => {
  it.each(['FROM a:1\nHEALTHCHECK CMD true\nFROM b:1\nHEALTHCHECK CMD true\n'])(
    'passes %j',
    (dockerfile) => {
      expect(dockerLines(singleHealthcheck, dockerfile)).toEqual([]);
    },
  );

  it('flags the offending instruction on its line', () => {
    expect(
      dockerLines(singleHealthcheck, 'FROM a:1\nHEALTHCHECK CMD true\nHEALTHCHECK NONE\n'),
    ).toEqual([3]);
  });
});
