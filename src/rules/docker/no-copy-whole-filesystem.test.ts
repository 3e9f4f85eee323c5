import { describe, expect, it } from 'vitest';
import { dockerLines } from '../../../test/support/docker.js';
import { noCopyWholeFilesystem } from './no-copy-whole-filesystem.js';

describe('DL3067 no-copy-whole-filesystem', () => {
  it.each(['COPY --from=build /out /app\n', 'COPY / /\n'])('passes %j', (dockerfile) => {
    expect(dockerLines(noCopyWholeFilesystem, dockerfile)).toEqual([]);
  });

  it('flags the offending instruction on its line', () => {
    expect(dockerLines(noCopyWholeFilesystem, 'FROM a:1\nCOPY --from=build / /\n')).toEqual([2]);
  });
});
