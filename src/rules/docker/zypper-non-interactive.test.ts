import { describe, expect, it } from 'vitest';
import { dockerLines } from '../../../test/support/docker.js';
import { zypperNonInteractive } from './zypper-non-interactive.js';

describe('DL3034 zypper-non-interactive', () => {
  it.each([
    'FROM a:1\nRUN zypper install -y x=1\n',
    'FROM a:1\nRUN zypper --non-interactive install x=1\n',
  ])('passes %j', (dockerfile) => {
    expect(dockerLines(zypperNonInteractive, dockerfile)).toEqual([]);
  });

  it.each([['FROM a:1\nRUN zypper install x=1 && zypper clean\n', [2]]] as Array<
    [string, number[]]
  >)('flags %j on the offending line', (dockerfile, lines) => {
    expect(dockerLines(zypperNonInteractive, dockerfile)).toEqual(lines);
  });
});
