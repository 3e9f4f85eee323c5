import { describe, expect, it } from 'vitest';
import { dockerLines } from '../../../test/support/docker.js';
import { execFormCmdEntrypoint } from './exec-form-cmd-entrypoint.js';

describe('DL3025 exec-form-cmd-entrypoint', () => {
  it.each([
    'CMD ["app", "--port", "80"]\n',
    'HEALTHCHECK NONE\n',
    'HEALTHCHECK --interval=5s CMD ["/check"]\n',
  ])('passes %j', (dockerfile) => {
    expect(dockerLines(execFormCmdEntrypoint, dockerfile)).toEqual([]);
  });

  it('flags the offending instruction on its line', () => {
    expect(
      dockerLines(execFormCmdEntrypoint, 'FROM a:1\nENTRYPOINT /app \\\n  --verbose\n'),
    ).toEqual([2]);
  });
});
