import { describe, expect, it } from 'vitest';
import { dockerLines } from '../../../test/support/docker.js';
import { apkNoCache } from './apk-no-cache.js';

describe('DL3019 apk-no-cache', () => {
  it.each([
    'FROM a:1\nRUN apk add --no-cache curl=8\n',
    'FROM a:1\nRUN --mount=type=cache,target=/var/cache/apk apk add curl=8\n',
  ])('passes %j', (dockerfile) => {
    expect(dockerLines(apkNoCache, dockerfile)).toEqual([]);
  });

  it.each([
    ['FROM a:1\nRUN apk add curl=8\n', [2]],
    ['FROM a:1\nRUN --mount=type=cache,target=/tmp apk add -U curl=8\n', [2]],
  ] as Array<[string, number[]]>)('flags %j on the offending line', (dockerfile, lines) => {
    expect(dockerLines(apkNoCache, dockerfile)).toEqual(lines);
  });
});
