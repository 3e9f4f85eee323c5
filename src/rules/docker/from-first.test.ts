import { describe, expect, it } from 'vitest';
import { dockerLines } from '../../../test/support/docker.js';
import { fromFirst } from './from-first.js';

describe('DL3061 from-first', () => {
  it.each(['ARG V=1\nFROM a:$V\nLABEL x=y\n', '# syntax=docker/dockerfile:1\nFROM a:1\n'])(
    'passes %j',
    (dockerfile) => {
      expect(dockerLines(fromFirst, dockerfile)).toEqual([]);
    },
  );

  it('flags the offending instruction on its line', () => {
    expect(dockerLines(fromFirst, '# comment\nLABEL x=y\nFROM a:1\n')).toEqual([2]);
  });
});
