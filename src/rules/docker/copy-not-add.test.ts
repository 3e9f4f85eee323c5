import { describe, expect, it } from 'vitest';
import { dockerLines } from '../../../test/support/docker.js';
import { copyNotAdd } from './copy-not-add.js';

describe('DL3020 copy-not-add', () => {
  it.each(['ADD https://example.com/a.tgz /tmp/\n', 'ADD rootfs.tar.xz /\n'])(
    'passes %j',
    (dockerfile) => {
      expect(dockerLines(copyNotAdd, dockerfile)).toEqual([]);
    },
  );

  it('flags the offending instruction on its line', () => {
    expect(dockerLines(copyNotAdd, 'FROM debian:12\nADD --chown=1 app.py /app/\n')).toEqual([2]);
  });
});
