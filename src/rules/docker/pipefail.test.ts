import { describe, expect, it } from 'vitest';
import { dockerLines } from '../../../test/support/docker.js';
import { pipefail } from './pipefail.js';

describe('DL4006 pipefail', () => {
  it.each([
    'FROM a:1\nRUN a && b\n',
    'FROM a:1\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN a | b\n',
    'FROM a:1\nSHELL ["pwsh", "-c"]\nRUN a | b\n',
  ])('passes %j', (dockerfile) => {
    expect(dockerLines(pipefail, dockerfile)).toEqual([]);
  });

  it.each([
    ['FROM a:1\nRUN curl -fsS x \\\n  | tar -x\n', [2]],
    ['FROM a:1\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nFROM b:1\nRUN a | b\n', [4]],
  ] as Array<[string, number[]]>)('flags %j on the offending line', (dockerfile, lines) => {
    expect(dockerLines(pipefail, dockerfile)).toEqual(lines);
  });
});
