import { describe, expect, it } from 'vitest';
import { dockerLines } from '../../../test/support/docker.js';
import { apkPinVersions } from './apk-pin-versions.js';

describe('DL3018 apk-pin-versions', () => {
  it.each([
    'FROM a:1\nRUN apk add --no-cache curl=8.5.0-r0 "git>2.40"\n',
    'FROM a:1\nRUN apk add --virtual .build gcc=13.2\n',
    'FROM a:1\nRUN apk add ./pkg.apk\n',
  ])('passes %j', (dockerfile) => {
    expect(dockerLines(apkPinVersions, dockerfile)).toEqual([]);
  });

  it.each([
    ['FROM a:1\nRUN apk add --no-cache curl\n', [2]],
    ['FROM a:1\nRUN apk add --repository=https://x/edge curl\n', [2]],
  ] as Array<[string, number[]]>)('flags %j on the offending line', (dockerfile, lines) => {
    expect(dockerLines(apkPinVersions, dockerfile)).toEqual(lines);
  });
});
