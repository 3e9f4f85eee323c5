import { describe, expect, it } from 'vitest';
import { dockerLines } from '../../../test/support/docker.js';
import { zypperPinVersions } from './zypper-pin-versions.js';

describe('DL3037 zypper-pin-versions', () => {
  it.each(['FROM a:1\nRUN zypper install -y "x>=1.2" y=2 z-1.0-1.rpm\n'])(
    'passes %j',
    (dockerfile) => {
      expect(dockerLines(zypperPinVersions, dockerfile)).toEqual([]);
    },
  );

  it.each([['FROM a:1\nRUN zypper in -y x\n', [2]]] as Array<[string, number[]]>)(
    'flags %j on the offending line',
    (dockerfile, lines) => {
      expect(dockerLines(zypperPinVersions, dockerfile)).toEqual(lines);
    },
  );
});
