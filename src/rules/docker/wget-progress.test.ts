import { describe, expect, it } from 'vitest';
import { dockerLines } from '../../../test/support/docker.js';
import { wgetProgress } from './wget-progress.js';

describe('DL3047 wget-progress', () => {
  it.each([
    'FROM a:1\nRUN wget --progress=dot:giga https://x/y\n',
    'FROM a:1\nRUN wget -qO- https://x/y\n',
    'FROM a:1\nRUN wget -nv https://x/y\n',
  ])('passes %j', (dockerfile) => {
    expect(dockerLines(wgetProgress, dockerfile)).toEqual([]);
  });

  it.each([['FROM a:1\nRUN wget https://x/y\n', [2]]] as Array<[string, number[]]>)(
    'flags %j on the offending line',
    (dockerfile, lines) => {
      expect(dockerLines(wgetProgress, dockerfile)).toEqual(lines);
    },
  );
});
