import { describe, expect, it } from 'vitest';
import { dockerLines } from '../../../test/support/docker.js';
import { pipNoCacheDir } from './pip-no-cache-dir.js';

describe('DL3042 pip-no-cache-dir', () => {
  it.each([
    'FROM a:1\nRUN pip install --no-cache-dir x==1\n',
    'FROM a:1\nENV PIP_NO_CACHE_DIR=1\nRUN pip install x==1\n',
    'FROM a:1 AS base\nENV PIP_NO_CACHE_DIR=true\nFROM base\nRUN pip install x==1\n',
    'FROM a:1\nRUN PIP_NO_CACHE_DIR=1 pip install x==1\n',
    'FROM a:1\nRUN pipx install x\n',
  ])('passes %j', (dockerfile) => {
    expect(dockerLines(pipNoCacheDir, dockerfile)).toEqual([]);
  });

  it.each([
    ['FROM a:1\nRUN pip install x==1\n', [2]],
    ['FROM a:1 AS base\nENV PIP_NO_CACHE_DIR=1\nFROM a:1\nRUN pip install x==1\n', [4]],
    ['FROM a:1\nENV PIP_NO_CACHE_DIR=off\nRUN pip install x==1\n', [3]],
  ] as Array<[string, number[]]>)('flags %j on the offending line', (dockerfile, lines) => {
    expect(dockerLines(pipNoCacheDir, dockerfile)).toEqual(lines);
  });
});
