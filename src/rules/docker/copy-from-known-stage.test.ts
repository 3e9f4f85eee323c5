import { describe, expect, it } from 'vitest';
import { dockerLines } from '../../../test/support/docker.js';
import { copyFromKnownStage } from './copy-from-known-stage.js';

describe('DL3022 copy-from-known-stage', () => {
  it.each([
    'FROM a:1 AS build\nFROM b:1\nCOPY --from=build /x /x\n',
    'FROM a:1\nFROM b:1\nCOPY --from=0 /x /x\n',
    'COPY --from=nginx:1.27 /etc/nginx /etc/nginx\n',
  ])('passes %j', (dockerfile) => {
    expect(dockerLines(copyFromKnownStage, dockerfile)).toEqual([]);
  });

  it('flags the offending instruction on its line', () => {
    expect(
      dockerLines(copyFromKnownStage, 'FROM b:1\nCOPY --from=build /x /x\nFROM a:1 AS build\n'),
    ).toEqual([2]);
  });
});
