import { describe, expect, it } from 'vitest';
import { dockerLines } from '../../../test/support/docker.js';
import { aptGetYes } from './apt-get-yes.js';

describe('DL3014 apt-get-yes', () => {
  it.each([
    'FROM a:1\nRUN apt-get install -y x=1\n',
    'FROM a:1\nRUN apt-get --assume-yes install x=1\n',
    'FROM a:1\nRUN apt-get install -qq x=1\n',
    'FROM a:1\nRUN apt-get install -q=2 x=1\n',
  ])('passes %j', (dockerfile) => {
    expect(dockerLines(aptGetYes, dockerfile)).toEqual([]);
  });

  it.each([
    ['FROM a:1\nRUN apt-get install x=1\n', [2]],
    ['FROM a:1\nRUN apt-get install -q x=1\n', [2]],
  ] as Array<[string, number[]]>)('flags %j on the offending line', (dockerfile, lines) => {
    expect(dockerLines(aptGetYes, dockerfile)).toEqual(lines);
  });
});
