import { describe, expect, it } from 'vitest';
import { dockerLines } from '../../../test/support/docker.js';
import { fromNoPlatform } from './from-no-platform.js';

describe('DL3029 from-no-platform', () => {
  it.each(['FROM --platform=$BUILDPLATFORM golang:1.23\n', 'FROM golang:1.23\n'])(
    'passes %j',
    (dockerfile) => {
      expect(dockerLines(fromNoPlatform, dockerfile)).toEqual([]);
    },
  );

  it('flags the offending instruction on its line', () => {
    expect(
      dockerLines(fromNoPlatform, 'FROM a:1\nFROM --platform=linux/amd64 golang:1.23\n'),
    ).toEqual([2]);
  });
});
