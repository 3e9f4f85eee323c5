import { describe, expect, it } from 'vitest';
import { dockerLines } from '../../../test/support/docker.js';
import { useraddNoLogInit } from './useradd-no-log-init.js';

describe('DL3046 useradd-no-log-init', () => {
  it.each([
    'FROM a:1\nRUN useradd -u 1000 app\n',
    'FROM a:1\nRUN useradd -l -u 123456 app\n',
    'FROM a:1\nRUN useradd --no-log-init --uid 123456 app\n',
  ])('passes %j', (dockerfile) => {
    expect(dockerLines(useraddNoLogInit, dockerfile)).toEqual([]);
  });

  it.each([
    ['FROM a:1\nRUN useradd -u 123456 app\n', [2]],
    ['FROM a:1\nRUN useradd --uid=1234567 app\n', [2]],
  ] as Array<[string, number[]]>)('flags %j on the offending line', (dockerfile, lines) => {
    expect(dockerLines(useraddNoLogInit, dockerfile)).toEqual(lines);
  });
});
