import { describe, expect, it } from 'vitest';
import { dockerLines } from '../../../test/support/docker.js';
import { singleCmd } from './single-cmd.js';

describe('DL4003 single-cmd', () => {
  it.each(['FROM a:1\nCMD ["a"]\nFROM b:1\nCMD ["b"]\n'])('passes %j', (dockerfile) => {
    expect(dockerLines(singleCmd, dockerfile)).toEqual([]);
  });

  it('flags the offending instruction on its line', () => {
    expect(dockerLines(singleCmd, 'FROM a:1\nCMD ["a"]\nCMD ["b"]\n')).toEqual([3]);
  });
});
