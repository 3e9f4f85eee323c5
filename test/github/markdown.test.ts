import { describe, expect, it } from 'vitest';
import { renderJobSummary } from '../../src/report/markdown.js';
import { finding, result } from './fixtures.js';

const bytes = (text: string) => Buffer.byteLength(text);

describe('the job summary and check-run summary', () => {
  const many = Array.from({ length: 6000 }, (_, i) =>
    finding({
      status: i % 3 ? 'existing' : 'new',
      file: `déploiement/équipe-${i % 40}/überweisung-${'ä'.repeat(40)}.yaml`,
      line: i + 1,
      message: `Container 'app' of Deployment 'zahlungsverkehr-${i}' should set 'securityContext.privileged' to false`,
    }),
  );
  const scanned = result({
    findings: many,
    fixed: [finding({ ruleId: 'KSV010' })],
    errors: Array.from({ length: 30 }, (_, i) => ({
      file: `broken-${i}.yaml`,
      line: 2,
      message: 'bad',
    })),
  });

  it.each([65_535, 1024 * 1024 - 8 * 1024])(
    'stays within %d UTF-8 bytes with non-ASCII paths, cut at a row, saying how many and where',
    (maxBytes) => {
      const text = renderJobSummary(scanned, { maxBytes, fullReport: '`report.json`' });
      expect(bytes(text)).toBeLessThanOrEqual(maxBytes);
      const rows = text
        .split('\n')
        .filter((line) => /^\| (\*\*new\*\*|existing|fixed) \|/.test(line));
      const [, left] = text.match(
        /_(\d+) finding row\(s\) left out to stay within GitHub's size limit; full report in `report\.json`\._\n$/,
      )!;
      expect(rows.length + Number(left)).toBe(6001);
      // Whole rows only, and the warnings (which count against the limit too) all there.
      for (const row of rows) expect(row.endsWith(' |')).toBe(true);
      for (let i = 0; i < 30; i++) expect(text).toContain(`broken-${i}.yaml`);
    },
  );

  it('shows new, existing and fixed with a base, new first, and counts new findings', () => {
    const text = renderJobSummary(scanned, { maxBytes: 4 * 1024 * 1024 });
    expect(text).toContain('**2000 new**, 4000 existing, 1 fixed (gate: new).');
    const statuses = text
      .split('\n')
      .filter((line) => /^\| (\*\*new\*\*|existing|fixed) \|/.test(line))
      .map((line) => line.split(' | ')[0].slice(2));
    expect(statuses.indexOf('existing')).toBe(2000);
    expect(statuses.at(-1)).toBe('fixed');
  });

  it('escapes control characters, markup, mentions and URLs in every cell', () => {
    const text = renderJobSummary(
      result({
        findings: [
          finding({
            message:
              'x\n::set-output name=a::b @admins https://evil.example <b>|</b> \u001b[31m\u202e',
            resource: { apiVersion: 'v1', kind: 'Pod', name: 'p\r\n::add-mask::s' },
          }),
        ],
      }),
    );
    expect(text).not.toMatch(/^\s*::/m);
    // eslint-disable-next-line no-control-regex
    expect(text).not.toMatch(/[\u001b\u202e\r]|@admins|https:\/\/evil|<b>/);
    expect(text.split('\n').filter((line) => line.startsWith('| high')).length).toBe(1);
  });
});
