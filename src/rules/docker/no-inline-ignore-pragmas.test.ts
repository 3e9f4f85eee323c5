import { describe, expect, it } from 'vitest';
import { dockerLines } from '../../../test/support/docker.js';
import { noInlineIgnorePragmas } from './no-inline-ignore-pragmas.js';

describe('DL1001 no-inline-ignore-pragmas', () => {
  it.each(['# hadolint shell=bash\nFROM debian:12\n', '# a comment\nFROM debian:12\n'])(
    'passes %j',
    (dockerfile) => {
      expect(dockerLines(noInlineIgnorePragmas, dockerfile)).toEqual([]);
    },
  );

  it('flags the offending instruction on its line', () => {
    expect(
      dockerLines(
        noInlineIgnorePragmas,
        'FROM debian:12\n# hadolint ignore=DL3008\nRUN apt-get install -y curl\n',
      ),
    ).toEqual([2]);
  });
});
