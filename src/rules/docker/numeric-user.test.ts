import { describe, expect, it } from 'vitest';
import { dockerLines } from '../../../test/support/docker.js';
import { numericUser } from './numeric-user.js';

describe('DL3066 numeric-user', () => {
  it.each(['USER 10001:10001\n', 'USER ${UID}\n'])('passes %j', (dockerfile) => {
    expect(dockerLines(numericUser, dockerfile)).toEqual([]);
  });

  it('flags the offending instruction on its line', () => {
    expect(dockerLines(numericUser, 'FROM a:1\nUSER app:10001\n')).toEqual([2]);
  });
});
