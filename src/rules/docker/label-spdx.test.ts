import { describe, expect, it } from 'vitest';
import { dockerLines } from '../../../test/support/docker.js';
import { labelSpdx } from './label-spdx.js';

describe('DL3054 label-spdx', () => {
  it.each([
    'LABEL license="Apache-2.0 OR MIT"\n',
    'LABEL license=GPL-2.0-only WITH Classpath-exception-2.0\n',
  ])('passes %j', (dockerfile) => {
    expect(dockerLines(labelSpdx, dockerfile, { labelSchema: { license: 'spdx' } })).toEqual([]);
  });

  it('flags the offending instruction on its line', () => {
    expect(
      dockerLines(labelSpdx, 'FROM a:1\nLABEL license="MIT AND"\n', {
        labelSchema: { license: 'spdx' },
      }),
    ).toEqual([2]);
  });
});
