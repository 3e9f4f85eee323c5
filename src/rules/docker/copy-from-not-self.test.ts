import { describe, expect, it } from 'vitest';
import { dockerLines } from '../../../test/support/docker.js';
import { copyFromNotSelf } from './copy-from-not-self.js';

describe('DL3023 copy-from-not-self', () => {
  it.each(['FROM a:1 AS build\nFROM b:1 AS final\nCOPY --from=build /x /x\n'])(
    'passes %j',
    (dockerfile) => {
      expect(dockerLines(copyFromNotSelf, dockerfile)).toEqual([]);
    },
  );

  it('flags the offending instruction on its line', () => {
    expect(dockerLines(copyFromNotSelf, 'FROM a:1 AS build\nCOPY --from=BUILD /x /x\n')).toEqual([
      2,
    ]);
  });
});
