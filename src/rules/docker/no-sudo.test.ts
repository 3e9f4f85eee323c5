import { describe, expect, it } from 'vitest';
import { dockerLines } from '../../../test/support/docker.js';
import { noSudo } from './no-sudo.js';

describe('DL3004 no-sudo', () => {
  it.each(['FROM a:1\nRUN apt-get install -y sudo=1.9\n'])('passes %j', (dockerfile) => {
    expect(dockerLines(noSudo, dockerfile)).toEqual([]);
  });

  it.each([
    ['FROM a:1\nRUN apt-get update && sudo apt-get install -y x=1\n', [2]],
    ['FROM a:1\nRUN echo "$(sudo id)"\n', [2]],
  ] as Array<[string, number[]]>)('flags %j on the offending line', (dockerfile, lines) => {
    expect(dockerLines(noSudo, dockerfile)).toEqual(lines);
  });
});
