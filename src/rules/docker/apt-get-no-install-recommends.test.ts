import { describe, expect, it } from 'vitest';
import { dockerLines } from '../../../test/support/docker.js';
import { aptGetNoInstallRecommends } from './apt-get-no-install-recommends.js';

describe('DL3015 apt-get-no-install-recommends', () => {
  it.each([
    'FROM a:1\nRUN apt-get install -y --no-install-recommends x=1\n',
    'FROM a:1\nRUN apt-get -o APT::Install-Recommends=false install -y x=1\n',
  ])('passes %j', (dockerfile) => {
    expect(dockerLines(aptGetNoInstallRecommends, dockerfile)).toEqual([]);
  });

  it.each([['FROM a:1\nRUN apt-get install -y x=1\n', [2]]] as Array<[string, number[]]>)(
    'flags %j on the offending line',
    (dockerfile, lines) => {
      expect(dockerLines(aptGetNoInstallRecommends, dockerfile)).toEqual(lines);
    },
  );
});
