import { describe, expect, it } from 'vitest';
import { dockerLines } from '../../../test/support/docker.js';
import { noPointlessCommands } from './no-pointless-commands.js';

describe('DL3001 no-pointless-commands', () => {
  it.each(['FROM a:1\nRUN apt-get install -y openssh-client=1:9.2\n', 'FROM a:1\nRUN echo top\n'])(
    'passes %j',
    (dockerfile) => {
      expect(dockerLines(noPointlessCommands, dockerfile)).toEqual([]);
    },
  );

  it.each([
    ['FROM a:1\nRUN apt-get update\nRUN ps aux | grep x\n', [3]],
    ['FROM a:1\nONBUILD RUN service nginx start\n', [2]],
  ] as Array<[string, number[]]>)('flags %j on the offending line', (dockerfile, lines) => {
    expect(dockerLines(noPointlessCommands, dockerfile)).toEqual(lines);
  });
});
