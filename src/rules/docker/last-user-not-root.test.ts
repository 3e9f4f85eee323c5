import { describe, expect, it } from 'vitest';
import { dockerLines } from '../../../test/support/docker.js';
import { lastUserNotRoot } from './last-user-not-root.js';

describe('DL3002 last-user-not-root', () => {
  it.each(['FROM debian:12\nUSER root\nRUN id\nUSER 10001\n', 'FROM debian:12\n'])(
    'passes %j',
    (dockerfile) => {
      expect(dockerLines(lastUserNotRoot, dockerfile)).toEqual([]);
    },
  );

  it('flags the offending instruction on its line', () => {
    expect(
      dockerLines(lastUserNotRoot, 'FROM debian:12 AS a\nUSER 0:0\nFROM debian:12\nUSER app\n'),
    ).toEqual([2]);
  });
});
