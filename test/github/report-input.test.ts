import { describe, expect, it } from 'vitest';
import { readUntrustedReport } from '../../src/report/untrusted.js';
import { renderJson } from '../../src/report/json.js';
import { finding, result } from './fixtures.js';

/** The JSON report as a fork could rewrite it. */
interface Report {
  version: number;
  summary: Record<string, unknown>;
  findings: Array<Record<string, unknown>>;
  suppressed: Array<Record<string, unknown>>;
}

describe('the JSON report as untrusted input', () => {
  const scanned = result({
    findings: [finding({ status: 'new' }), finding({ status: 'existing', severity: 'low' })],
    fixed: [finding({ ruleId: 'KSV010' })],
    suppressed: [
      {
        ...finding({ ruleId: 'KSV013' }),
        suppressedBy: { source: 'trivyignore', file: '.trivyignore', line: 3 },
      },
    ],
    errors: [{ file: '.trivyignore', line: 9, level: 'warning', message: 'matched no finding' }],
  });

  it('reads back what the JSON report holds', () => {
    const read = readUntrustedReport(renderJson(scanned), 'auto');
    expect(read).toEqual(scanned);
  });

  it('recomputes the gate instead of trusting the summary', () => {
    const report = JSON.parse(renderJson(scanned));
    report.summary.failed = false;
    report.summary.total = 0;
    const read = readUntrustedReport(JSON.stringify(report), 'auto');
    expect(read.summary).toMatchObject({ failed: true, total: 2, new: 1 });
    // With gate all, the existing low finding does not fail either; the new high one does.
    expect(readUntrustedReport(JSON.stringify(report), 'all').summary.failed).toBe(true);
  });

  it.each([
    ['findings[0].file does not match', (r: Report) => (r.findings[0].file = '/etc/passwd')],
    ['findings[0].file does not match', (r: Report) => (r.findings[0].file = 'a/../../b')],
    ['findings[0].line is not a line number', (r: Report) => (r.findings[0].line = 0)],
    ['findings[0].severity is unknown', (r: Report) => (r.findings[0].severity = 'urgent')],
    ['findings[0].ruleId does not match', (r: Report) => (r.findings[0].ruleId = '](x)')],
    [
      'findings[0].message is not a string',
      (r: Report) => (r.findings[0].message = 'x'.repeat(5000)),
    ],
    ['summary.failOn is unknown', (r: Report) => (r.summary.failOn = 'sometimes')],
    ['version is not 1', (r: Report) => (r.version = 2)],
    [
      'suppressed[0].suppressedBy is not an object',
      (r: Report) => delete r.suppressed[0].suppressedBy,
    ],
  ])('rejects a report whose %s', (problem, tamper) => {
    const report = JSON.parse(renderJson(scanned));
    tamper(report);
    expect(() => readUntrustedReport(JSON.stringify(report), 'auto')).toThrow(
      `invalid report: ${problem}`,
    );
  });

  it('rejects what is not JSON', () => {
    expect(() => readUntrustedReport('{"version":', 'auto')).toThrow(
      /^invalid report: file is not JSON/,
    );
  });
});
