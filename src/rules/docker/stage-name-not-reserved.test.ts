import { describe, expect, it } from 'vitest';
import { dockerLines } from '../../../test/support/docker.js';
import { stageNameNotReserved } from './stage-name-not-reserved.js';

describe('DL3063 stage-name-not-reserved', () => {
  it.each(['FROM a:1 AS build\n'])('passes %j', (dockerfile) => {
    expect(dockerLines(stageNameNotReserved, dockerfile)).toEqual([]);
  });

  it('flags the offending instruction on its line', () => {
    expect(dockerLines(stageNameNotReserved, 'FROM a:1\nFROM b:1 AS context\n')).toEqual([2]);
  });
});
