import { describe, expect, it } from 'vitest';
import { renderTable, useColor } from '../../src/report/table.js';
import { finding, result } from './fixtures.js';

describe('the table', () => {
  it('truncates a long values-set list', () => {
    const sets = Array.from({ length: 12 }, (_, i) => `values-${i}.yaml`);
    const text = renderTable(
      result({ findings: [finding({ chart: 'charts/web', valuesSets: sets })] }, 'all'),
      { color: false, showSuppressed: false },
    );
    expect(text).toContain(
      'chart charts/web (values-0.yaml, values-1.yaml, values-2.yaml, +9 more)',
    );
  });

  it('keeps a hostile file name from starting a workflow command line', () => {
    const text = renderTable(
      result({ findings: [finding({ file: '::add-mask::x\n::error::y' })] }, 'all'),
      { color: false, showSuppressed: false },
    );
    expect(text).not.toMatch(/^\s*::/m);
    expect(text).toContain('\\x3a:add-mask::x\\n::error::y');
  });

  it('decides colour from FORCE_COLOR, NO_COLOR and the terminal', () => {
    expect(useColor({}, true)).toBe(true);
    expect(useColor({}, false)).toBe(false);
    expect(useColor({ NO_COLOR: '1' }, true)).toBe(false);
    expect(useColor({ FORCE_COLOR: '1' }, false)).toBe(true);
    expect(useColor({ FORCE_COLOR: '0' }, true)).toBe(false);
    expect(useColor({ FORCE_COLOR: 'false' }, true)).toBe(false);
    expect(useColor({ FORCE_COLOR: '' }, false)).toBe(true);
    expect(useColor({ FORCE_COLOR: '1', NO_COLOR: '1' }, false)).toBe(true);
    expect(useColor({ TERM: 'dumb' }, true)).toBe(false);
  });
});
