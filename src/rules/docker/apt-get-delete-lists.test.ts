import { describe, expect, it } from 'vitest';
import { dockerLines } from '../../../test/support/docker.js';
import { aptGetDeleteLists } from './apt-get-delete-lists.js';

describe('DL3009 apt-get-delete-lists', () => {
  it.each([
    'FROM a:1\nRUN apt-get update && apt-get install -y x=1 && rm -rf /var/lib/apt/lists/*\n',
    'FROM a:1 AS build\nRUN apt-get update\nFROM b:1\nCOPY --from=build /x /x\n',
    'FROM a:1\nRUN --mount=type=cache,target=/var/lib/apt/lists apt-get update\n',
  ])('passes %j', (dockerfile) => {
    expect(dockerLines(aptGetDeleteLists, dockerfile)).toEqual([]);
  });

  it.each([
    ['FROM a:1\nRUN apt-get update \\\n && apt-get install -y x=1\n', [2]],
    ['FROM a:1 AS base\nRUN apt-get update\nFROM base\nRUN true\n', [2]],
  ] as Array<[string, number[]]>)('flags %j on the offending line', (dockerfile, lines) => {
    expect(dockerLines(aptGetDeleteLists, dockerfile)).toEqual(lines);
  });
});
