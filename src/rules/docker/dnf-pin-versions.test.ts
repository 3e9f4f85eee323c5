import { describe, expect, it } from 'vitest';
import { dockerLines } from '../../../test/support/docker.js';
import { dnfPinVersions } from './dnf-pin-versions.js';

describe('DL3041 dnf-pin-versions', () => {
  it.each([
    'FROM a:1\nRUN dnf install -y httpd-2.4.57\n',
    'FROM a:1\nRUN dnf group install -y "Development Tools"\n',
    'FROM a:1\nRUN dnf module install -y nodejs:18\n',
  ])('passes %j', (dockerfile) => {
    expect(dockerLines(dnfPinVersions, dockerfile)).toEqual([]);
  });

  it.each([
    ['FROM a:1\nRUN dnf install -y rpm-sign\n', [2]],
    ['FROM a AS base\nENV V=1.2-3\nFROM a:1\nRUN dnf install -y x-${V}\n', [4]],
  ] as Array<[string, number[]]>)('flags %j on the offending line', (dockerfile, lines) => {
    expect(dockerLines(dnfPinVersions, dockerfile)).toEqual(lines);
  });
});
