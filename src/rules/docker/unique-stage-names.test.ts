import { describe, expect, it } from 'vitest';
import { dockerLines } from '../../../test/support/docker.js';
import { uniqueStageNames } from './unique-stage-names.js';

describe('DL3024 unique-stage-names', () => {
  it.each(['FROM a:1 AS one\nFROM a:1 AS two\n'])('passes %j', (dockerfile) => {
    expect(dockerLines(uniqueStageNames, dockerfile)).toEqual([]);
  });

  it('flags the offending instruction on its line', () => {
    expect(
      dockerLines(uniqueStageNames, 'FROM a:1 AS one\nFROM a:1 AS two\nFROM b:1 as ONE\n'),
    ).toEqual([3]);
  });
});
