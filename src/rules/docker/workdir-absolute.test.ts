import { describe, expect, it } from 'vitest';
import { dockerLines } from '../../../test/support/docker.js';
import { workdirAbsolute } from './workdir-absolute.js';

describe('DL3000 workdir-absolute', () => {
  it.each(['WORKDIR /app\n', 'WORKDIR $HOME\n', "WORKDIR 'C:\\\\app'\n"])(
    'passes %j',
    (dockerfile) => {
      expect(dockerLines(workdirAbsolute, dockerfile)).toEqual([]);
    },
  );

  it('flags the offending instruction on its line', () => {
    expect(dockerLines(workdirAbsolute, 'FROM debian:12\nWORKDIR app\n')).toEqual([2]);
  });
});
