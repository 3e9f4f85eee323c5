import { describe, expect, it } from 'vitest';
import { dockerLines } from '../../../test/support/docker.js';
import { yumCleanAll } from './yum-clean-all.js';

describe('DL3032 yum-clean-all', () => {
  it.each([
    'FROM a:1\nRUN yum install -y x-1 && yum clean all\n',
    'FROM a:1\nRUN yum install -y x-1 && rm -rf /var/cache/yum\n',
    'FROM a:1\nRUN --mount=type=cache,target=/var/cache/yum yum install -y x-1\n',
  ])('passes %j', (dockerfile) => {
    expect(dockerLines(yumCleanAll, dockerfile)).toEqual([]);
  });

  it.each([
    ['FROM a:1\nRUN yum install -y x-1\n', [2]],
    ['FROM a:1\nRUN yum clean all && yum install -y x-1\n', [2]],
  ] as Array<[string, number[]]>)('flags %j on the offending line', (dockerfile, lines) => {
    expect(dockerLines(yumCleanAll, dockerfile)).toEqual(lines);
  });
});
