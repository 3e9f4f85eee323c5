import { describe, expect, it } from 'vitest';
import { dockerLines } from '../../../test/support/docker.js';
import { consolidateRuns } from './consolidate-runs.js';

describe('DL3059 consolidate-runs', () => {
  it.each([
    'FROM a:1\nRUN a\nWORKDIR /\nRUN b\n',
    'FROM a:1\nRUN a && b\nRUN c\n',
    'FROM a:1\nRUN --mount=type=secret,id=x a\nRUN b\n',
  ])('passes %j', (dockerfile) => {
    expect(dockerLines(consolidateRuns, dockerfile)).toEqual([]);
  });

  it.each([['FROM a:1\nRUN a\n# why\nRUN b\nRUN c\n', [4, 5]]] as Array<[string, number[]]>)(
    'flags %j on the offending line',
    (dockerfile, lines) => {
      expect(dockerLines(consolidateRuns, dockerfile)).toEqual(lines);
    },
  );
});
