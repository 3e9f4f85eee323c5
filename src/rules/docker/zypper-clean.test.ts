import { describe, expect, it } from 'vitest';
import { dockerLines } from '../../../test/support/docker.js';
import { zypperClean } from './zypper-clean.js';

describe('DL3036 zypper-clean', () => {
  it.each([
    'FROM a:1\nRUN zypper install -y x=1 && zypper cc\n',
    'FROM a:1\nRUN --mount=type=tmpfs,target=/var/cache/zypp zypper install -y x=1\n',
  ])('passes %j', (dockerfile) => {
    expect(dockerLines(zypperClean, dockerfile)).toEqual([]);
  });

  it.each([
    ['FROM a:1\nRUN zypper install -y x=1\n', [2]],
    ['FROM a:1\nRUN zypper clean && zypper in -y x=1\n', [2]],
  ] as Array<[string, number[]]>)('flags %j on the offending line', (dockerfile, lines) => {
    expect(dockerLines(zypperClean, dockerfile)).toEqual(lines);
  });
});
