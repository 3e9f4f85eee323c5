import { describe, expect, it } from 'vitest';
import { dockerLines } from '../../../test/support/docker.js';
import { labelUrl } from './label-url.js';

describe('DL3052 label-url', () => {
  it.each(['LABEL src=https://github.com/acme/app\n'])('passes %j', (dockerfile) => {
    expect(dockerLines(labelUrl, dockerfile, { labelSchema: { src: 'url' } })).toEqual([]);
  });

  it('flags the offending instruction on its line', () => {
    expect(
      dockerLines(labelUrl, 'FROM a:1\nLABEL src=github.com/acme\n', {
        labelSchema: { src: 'url' },
      }),
    ).toEqual([2]);
  });
});
