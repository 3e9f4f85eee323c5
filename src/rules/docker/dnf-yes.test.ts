import { describe, expect, it } from 'vitest';
import { dockerLines } from '../../../test/support/docker.js';
import { dnfYes } from './dnf-yes.js';

describe('DL3038 dnf-yes', () => {
  it.each([
    'FROM a:1\nRUN dnf install -y x-1 && dnf clean all\n',
    'FROM a:1\nRUN notdnf install x\n',
  ])('passes %j', (dockerfile) => {
    expect(dockerLines(dnfYes, dockerfile)).toEqual([]);
  });

  it.each([['FROM a:1\nRUN microdnf install x-1\n', [2]]] as Array<[string, number[]]>)(
    'flags %j on the offending line',
    (dockerfile, lines) => {
      expect(dockerLines(dnfYes, dockerfile)).toEqual(lines);
    },
  );
});
