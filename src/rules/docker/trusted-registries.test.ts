import { describe, expect, it } from 'vitest';
import { dockerLines } from '../../../test/support/docker.js';
import { trustedRegistries } from './trusted-registries.js';

describe('DL3026 trusted-registries', () => {
  it.each(['FROM registry.example.com/debian:12\n', 'FROM scratch\n'])(
    'passes %j',
    (dockerfile) => {
      expect(
        dockerLines(trustedRegistries, dockerfile, { trustedRegistries: ['registry.example.com'] }),
      ).toEqual([]);
    },
  );

  it('flags the offending instruction on its line', () => {
    expect(
      dockerLines(
        trustedRegistries,
        'FROM registry.example.com/a:1 AS a\nFROM a\nFROM debian:12\nCOPY --from=quay.io/b/c:1 /x /x\n',
        { trustedRegistries: ['registry.example.com'] },
      ),
    ).toEqual([3, 4]);
  });
});
