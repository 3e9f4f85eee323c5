import { describe, expect, it } from 'vitest';
import { dockerLines } from '../../../test/support/docker.js';
import { noLnSh } from './no-ln-sh.js';

describe('DL4005 no-ln-sh', () => {
  it.each([
    'FROM a:1\nRUN ln -s /usr/bin/python3 /usr/bin/python\n',
    'FROM a:1\nSHELL ["/bin/bash", "-c"]\n',
  ])('passes %j', (dockerfile) => {
    expect(dockerLines(noLnSh, dockerfile)).toEqual([]);
  });

  it.each([['FROM a:1\nRUN ln -sf /bin/bash /bin/sh\n', [2]]] as Array<[string, number[]]>)(
    'flags %j on the offending line',
    (dockerfile, lines) => {
      expect(dockerLines(noLnSh, dockerfile)).toEqual(lines);
    },
  );
});
