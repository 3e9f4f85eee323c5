import { describe, expect, it } from 'vitest';
import { dockerLines } from '../../../test/support/docker.js';
import { noApt } from './no-apt.js';

describe('DL3027 no-apt', () => {
  it.each(['FROM a:1\nRUN apt-get install -y x=1\n', 'FROM a:1\nRUN apt-cache show x\n'])(
    'passes %j',
    (dockerfile) => {
      expect(dockerLines(noApt, dockerfile)).toEqual([]);
    },
  );

  it.each([['FROM a:1\nRUN apt install -y x\n', [2]]] as Array<[string, number[]]>)(
    'flags %j on the offending line',
    (dockerfile, lines) => {
      expect(dockerLines(noApt, dockerfile)).toEqual(lines);
    },
  );
});
