import { describe, expect, it } from 'vitest';
import { dockerLines } from '../../../test/support/docker.js';
import { noRedundantTargetPlatform } from './no-redundant-target-platform.js';

describe('DL3065 no-redundant-target-platform', () => {
  it.each(['FROM --platform=$BUILDPLATFORM a:1\n'])('passes %j', (dockerfile) => {
    expect(dockerLines(noRedundantTargetPlatform, dockerfile)).toEqual([]);
  });

  it('flags the offending instruction on its line', () => {
    expect(
      dockerLines(noRedundantTargetPlatform, 'FROM a:1\nFROM --platform=${TARGETPLATFORM} b:1\n'),
    ).toEqual([2]);
  });
});
