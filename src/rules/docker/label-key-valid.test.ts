import { describe, expect, it } from 'vitest';
import { dockerLines } from '../../../test/support/docker.js';
import { labelKeyValid } from './label-key-valid.js';

describe('DL3048 label-key-valid', () => {
  it.each(['LABEL org.opencontainers.image.title=app\n'])('passes %j', (dockerfile) => {
    expect(dockerLines(labelKeyValid, dockerfile)).toEqual([]);
  });

  it('flags the offending instruction on its line', () => {
    expect(dockerLines(labelKeyValid, 'FROM a:1\nLABEL ok=1 com.docker.thing=2\n')).toEqual([2]);
  });
});
