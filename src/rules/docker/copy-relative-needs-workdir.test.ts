import { describe, expect, it } from 'vitest';
import { dockerLines } from '../../../test/support/docker.js';
import { copyRelativeNeedsWorkdir } from './copy-relative-needs-workdir.js';

describe('DL3045 copy-relative-needs-workdir', () => {
  it.each([
    'FROM a:1\nWORKDIR /app\nCOPY x y\n',
    'COPY x /y\n',
    'FROM a:1 AS base\nWORKDIR /app\nFROM base\nCOPY x y\n',
  ])('passes %j', (dockerfile) => {
    expect(dockerLines(copyRelativeNeedsWorkdir, dockerfile)).toEqual([]);
  });

  it('flags the offending instruction on its line', () => {
    expect(
      dockerLines(copyRelativeNeedsWorkdir, 'FROM a:1 AS base\nWORKDIR /app\nFROM b:1\nCOPY x y\n'),
    ).toEqual([4]);
  });
});
