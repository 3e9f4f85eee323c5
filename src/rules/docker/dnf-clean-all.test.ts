import { describe, expect, it } from 'vitest';
import { dockerLines } from '../../../test/support/docker.js';
import { dnfCleanAll } from './dnf-clean-all.js';

describe('DL3040 dnf-clean-all', () => {
  it.each([
    'FROM a:1\nRUN dnf install -y x-1 && dnf clean all\n',
    'FROM a:1\nRUN dnf upgrade -y && rm -rf /var/cache/dnf/*\n',
    'FROM a:1\nRUN --mount=type=cache,target=/var/cache/libdnf5 dnf install -y x-1\n',
  ])('passes %j', (dockerfile) => {
    expect(dockerLines(dnfCleanAll, dockerfile)).toEqual([]);
  });

  it.each([
    ['FROM a:1\nRUN dnf install -y x-1\n', [2]],
    ['FROM a:1\nRUN dnf clean all && dnf reinstall -y x-1\n', [2]],
  ] as Array<[string, number[]]>)('flags %j on the offending line', (dockerfile, lines) => {
    expect(dockerLines(dnfCleanAll, dockerfile)).toEqual(lines);
  });
});
