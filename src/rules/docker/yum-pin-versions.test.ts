import { describe, expect, it } from 'vitest';
import { dockerLines } from '../../../test/support/docker.js';
import { yumPinVersions } from './yum-pin-versions.js';

describe('DL3033 yum-pin-versions', () => {
  it.each([
    'FROM a:1\nRUN yum install -y httpd-2.4.57 gcc-c++-11.2 openssl-1:1.1.1k\n',
    'FROM a:1\nRUN yum module install -y nodejs:18\n',
    'ARG V=2.4.57-1\nFROM a:1\nRUN yum install -y httpd-${V}\n',
  ])('passes %j', (dockerfile) => {
    expect(dockerLines(yumPinVersions, dockerfile)).toEqual([]);
  });

  it.each([
    ['FROM a:1\nRUN yum install -y httpd rpm-sign\n', [2]],
    ['FROM a:1\nRUN yum module install -y nodejs\n', [2]],
  ] as Array<[string, number[]]>)('flags %j on the offending line', (dockerfile, lines) => {
    expect(dockerLines(yumPinVersions, dockerfile)).toEqual(lines);
  });
});
