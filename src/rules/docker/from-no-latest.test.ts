import { describe, expect, it } from 'vitest';
import { dockerLines } from '../../../test/support/docker.js';
import { fromNoLatest } from './from-no-latest.js';

describe('DL3007 from-no-latest', () => {
  it.each(['FROM debian:12\n', 'FROM debian:latest@sha256:abc\n'])('passes %j', (dockerfile) => {
    expect(dockerLines(fromNoLatest, dockerfile)).toEqual([]);
  });

  it('flags the offending instruction on its line', () => {
    expect(
      dockerLines(
        fromNoLatest,
        'FROM debian:12\nFROM registry.example.com:5000/team/debian:latest\n',
      ),
    ).toEqual([2]);
  });
});
