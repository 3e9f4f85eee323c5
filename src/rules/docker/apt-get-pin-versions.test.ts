import { describe, expect, it } from 'vitest';
import { dockerLines } from '../../../test/support/docker.js';
import { aptGetPinVersions } from './apt-get-pin-versions.js';

describe('DL3008 apt-get-pin-versions', () => {
  it.each([
    'FROM a:1\nRUN apt-get install -y curl=7.88.1\n',
    'FROM a:1\nRUN apt-get install -y -t bookworm-backports curl=7.88\n',
    'FROM a:1\nRUN apt-get install -y ./local.deb\n',
    'FROM a:1\nRUN apt-get update\n',
  ])('passes %j', (dockerfile) => {
    expect(dockerLines(aptGetPinVersions, dockerfile)).toEqual([]);
  });

  it.each([
    ['FROM a:1\nRUN apt-get update \\\n && apt-get install -y curl=7.88 wget\n', [2]],
    ['ARG PKG=curl\nFROM a:1\nRUN apt-get install -y "$PKG"\n', [3]],
  ] as Array<[string, number[]]>)('flags %j on the offending line', (dockerfile, lines) => {
    expect(dockerLines(aptGetPinVersions, dockerfile)).toEqual(lines);
  });
});
