import { describe, expect, it } from 'vitest';
import { dockerLines } from '../../../test/support/docker.js';
import { yarnCacheClean } from './yarn-cache-clean.js';

describe('DL3060 yarn-cache-clean', () => {
  it.each([
    'FROM a:1\nRUN yarn install && yarn cache clean\n',
    'FROM a:1 AS deps\nRUN yarn install\nFROM b:1\nCOPY --from=deps /app /app\n',
  ])('passes %j', (dockerfile) => {
    expect(dockerLines(yarnCacheClean, dockerfile)).toEqual([]);
  });

  it.each([
    ['FROM a:1\nRUN yarn install\n', [2]],
    ['FROM a:1\nRUN yarn cache clean && yarn install\n', [2]],
  ] as Array<[string, number[]]>)('flags %j on the offending line', (dockerfile, lines) => {
    expect(dockerLines(yarnCacheClean, dockerfile)).toEqual(lines);
  });
});
