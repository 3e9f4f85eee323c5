import { describe, expect, it } from 'vitest';
import { dockerLines } from '../../../test/support/docker.js';
import { noMaintainer } from './no-maintainer.js';

describe('DL4000 no-maintainer', () => {
  it.each(['LABEL maintainer=me@example.com\n'])('passes %j', (dockerfile) => {
    expect(dockerLines(noMaintainer, dockerfile)).toEqual([]);
  });

  it('flags the offending instruction on its line', () => {
    expect(dockerLines(noMaintainer, 'FROM a:1\nMAINTAINER me@example.com\n')).toEqual([2]);
  });
});
