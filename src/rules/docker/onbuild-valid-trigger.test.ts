import { describe, expect, it } from 'vitest';
import { dockerLines } from '../../../test/support/docker.js';
import { onbuildValidTrigger } from './onbuild-valid-trigger.js';

describe('DL3043 onbuild-valid-trigger', () => {
  it.each(['ONBUILD COPY . /src\n', 'ONBUILD RUN make\n'])('passes %j', (dockerfile) => {
    expect(dockerLines(onbuildValidTrigger, dockerfile)).toEqual([]);
  });

  it('flags the offending instruction on its line', () => {
    expect(dockerLines(onbuildValidTrigger, 'FROM a:1\nONBUILD FROM debian:12\n')).toEqual([2]);
  });
});
