import { describe, expect, it } from 'vitest';
import { dockerLines } from '../../../test/support/docker.js';
import { singleEntrypoint } from './single-entrypoint.js';

describe('DL4004 single-entrypoint', () => {
  it.each(['FROM a:1\nENTRYPOINT ["a"]\nFROM b:1\nENTRYPOINT ["b"]\n'])(
    'passes %j',
    (dockerfile) => {
      expect(dockerLines(singleEntrypoint, dockerfile)).toEqual([]);
    },
  );

  it('flags the offending instruction on its line', () => {
    expect(dockerLines(singleEntrypoint, 'FROM a:1\nENTRYPOINT ["a"]\nENTRYPOINT ["b"]\n')).toEqual(
      [3],
    );
  });
});
