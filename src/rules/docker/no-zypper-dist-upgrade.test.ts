import { describe, expect, it } from 'vitest';
import { dockerLines } from '../../../test/support/docker.js';
import { noZypperDistUpgrade } from './no-zypper-dist-upgrade.js';

describe('DL3035 no-zypper-dist-upgrade', () => {
  it.each(['FROM a:1\nRUN zypper install -y x=1\n'])('passes %j', (dockerfile) => {
    expect(dockerLines(noZypperDistUpgrade, dockerfile)).toEqual([]);
  });

  it.each([['FROM a:1\nRUN zypper -n dup\n', [2]]] as Array<[string, number[]]>)(
    'flags %j on the offending line',
    (dockerfile, lines) => {
      expect(dockerLines(noZypperDistUpgrade, dockerfile)).toEqual(lines);
    },
  );
});
