import { describe, expect, it } from 'vitest';
import { dockerLines } from '../../../test/support/docker.js';
import { yumYes } from './yum-yes.js';

describe('DL3030 yum-yes', () => {
  it.each(['FROM a:1\nRUN yum install -y httpd-2.4 && yum clean all\n'])(
    'passes %j',
    (dockerfile) => {
      expect(dockerLines(yumYes, dockerfile)).toEqual([]);
    },
  );

  it.each([['FROM a:1\nRUN yum groupinstall "Development Tools"\n', [2]]] as Array<
    [string, number[]]
  >)('flags %j on the offending line', (dockerfile, lines) => {
    expect(dockerLines(yumYes, dockerfile)).toEqual(lines);
  });
});
