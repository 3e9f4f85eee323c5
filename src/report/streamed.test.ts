// The streamed JSON, SARIF and table reports write exactly the text of the whole-object forms
// (what `--format json|sarif` wrote before they were streamed), one piece at a time.
import { describe, expect, it } from 'vitest';
import { finding, result } from '../../test/github/fixtures.js';
import { validateSarif } from '../../test/github/sarif-schema.js';
import type { ScanResult } from '../scan.js';
import { TOOL_NAME, TOOL_VERSION } from '../version.js';
import { jsonReport, jsonReportChunks, renderJson } from './json.js';
import { renderSarif, sarifChunks, sarifLog } from './sarif.js';
import { renderTable, tableLines } from './table.js';

/** A report with everything in it: base classification, suppressions of each kind, warnings. */
function fullResult(): ScanResult {
  return result({
    findings: [
      finding({ status: 'new', endLine: 24 }),
      finding({
        status: 'existing',
        ruleId: 'KSV013',
        aliases: ['AVD-KSV-0013', 'no-latest-tag'],
        severity: 'medium',
        message: 'Image "nginx:latest" — tag\nlatest \\ \u2028 ünïcode',
        file: 'charts/web/values prod.yaml',
        line: 3,
        source: 'helm-values',
        resource: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', namespace: 'prod' },
        chart: 'charts/web',
        valuesSet: 'prod',
        valuesSets: ['prod', 'staging'],
        rendered: { file: 'web/templates/deployment.yaml', line: 30 },
      }),
      finding({
        status: 'new',
        ruleId: 'DL3008',
        severity: 'low',
        file: 'Dockerfile',
        line: 4,
        source: 'dockerfile',
        resource: undefined,
        container: undefined,
      }),
      finding({ ruleId: 'KPG999', severity: 'info', title: 'Not a known rule' }),
    ],
    suppressed: [
      {
        ...finding({ severity: 'low' }),
        suppressedBy: {
          source: 'annotation',
          file: 'deploy/web.yaml',
          line: 5,
          reason: 'needs it',
        },
      },
      {
        ...finding({ ruleId: 'KSV013', severity: 'critical' }),
        suppressedBy: { source: 'trivyignore', file: '.trivyignore', line: 3 },
      },
      {
        ...finding({ ruleId: 'DL3008', file: 'Dockerfile', source: 'dockerfile' }),
        suppressedBy: { source: 'hadolint-pragma', file: 'Dockerfile', line: 2 },
      },
      {
        ...finding({ ruleId: 'KSV012' }),
        suppressedBy: { source: 'policy', file: '.kube-policy-gate.yaml', expires: '2099-01-01' },
      },
    ],
    fixed: [finding({ ruleId: 'KSV010', status: 'existing' }), finding({ ruleId: 'KSV011' })],
    errors: [
      { file: '.trivyignore', line: 9, level: 'warning', message: 'matched no finding' },
      { file: 'charts/broken', message: "helm template failed: 'required' value missing" },
    ],
  });
}

const joined = (chunks: Iterable<string>) => [...chunks].join('');

describe('the streamed JSON report', () => {
  it('is byte for byte the whole report object stringified', () => {
    for (const scanned of [fullResult(), { ...fullResult(), fixed: undefined }, result({})]) {
      // The report's shape as the contract (docs/ARCHITECTURE.md) and the unstreamed renderer had it.
      const whole = {
        version: 1,
        tool: { name: TOOL_NAME, version: TOOL_VERSION },
        summary: scanned.summary,
        findings: scanned.findings,
        suppressed: scanned.suppressed,
        errors: scanned.errors,
        ...(scanned.fixed ? { fixed: scanned.fixed } : {}),
      };
      const expected = JSON.stringify(whole, null, 2) + '\n';
      expect(joined(jsonReportChunks(scanned))).toBe(expected);
      expect(renderJson(scanned)).toBe(expected);
      expect(jsonReport(scanned)).toEqual(whole);
    }
  });

  it('holds base classification, suppressions and warnings', () => {
    const report = JSON.parse(joined(jsonReportChunks(fullResult())));
    expect(Object.keys(report)).toEqual([
      'version',
      'tool',
      'summary',
      'findings',
      'suppressed',
      'errors',
      'fixed',
    ]);
    expect(report.summary).toMatchObject({ total: 4, new: 2, suppressed: 4, failOn: 'high' });
    expect(report.findings.map((f: { status: string }) => f.status)).toEqual([
      'new',
      'existing',
      'new',
      undefined,
    ]);
    expect(report.fixed).toHaveLength(2);
    expect(report.errors).toHaveLength(2);
  });

  it('writes one finding at a time', () => {
    const scanned = fullResult();
    const chunks = [...jsonReportChunks(scanned)];
    const all = [...scanned.findings, ...scanned.suppressed, ...scanned.fixed!];
    for (const chunk of chunks) {
      const holding = all.filter((f) => chunk.includes(`"fingerprint": "${f.fingerprint}"`));
      expect(holding.length).toBeLessThanOrEqual(1);
    }
  });
});

describe('the streamed SARIF log', () => {
  it('is byte for byte the whole log object stringified', () => {
    for (const scanned of [fullResult(), result({})]) {
      const log = sarifLog(scanned) as { runs: Array<{ results: unknown[] }> };
      expect(Array.isArray(log.runs[0].results)).toBe(true);
      expect(log.runs[0].results).toHaveLength(scanned.findings.length + scanned.suppressed.length);
      const expected = JSON.stringify(log, null, 2) + '\n';
      expect(joined(sarifChunks(scanned))).toBe(expected);
      expect(renderSarif(scanned)).toBe(expected);
    }
  });

  it('validates against the SARIF 2.1.0 schema', () => {
    const log = JSON.parse(joined(sarifChunks(fullResult())));
    expect(validateSarif(log), JSON.stringify(validateSarif.errors)).toBe(true);
    expect(log.runs[0].results.map((r: { ruleId: string }) => r.ruleId)).toEqual([
      'KSV017',
      'KSV013',
      'DL3008',
      'KPG999',
      'KSV017',
      'KSV013',
      'DL3008',
      'KSV012',
    ]);
  });

  it('writes one result at a time', () => {
    const scanned = fullResult();
    const all = [...scanned.findings, ...scanned.suppressed];
    for (const chunk of sarifChunks(scanned)) {
      const holding = all.filter((f) => chunk.includes(`"${f.fingerprint}"`));
      expect(holding.length).toBeLessThanOrEqual(1);
    }
  });
});

describe('the streamed table', () => {
  it('is the table, one row per piece', () => {
    for (const options of [
      { color: false, showSuppressed: false },
      { color: true, showSuppressed: true },
    ]) {
      const lines = [...tableLines(fullResult(), options)];
      expect(lines.join('')).toBe(renderTable(fullResult(), options));
      for (const line of lines) expect(line.endsWith('\n')).toBe(true);
    }
    const plain = renderTable(fullResult(), { color: false, showSuppressed: true });
    expect(plain).toContain('[suppressed by .trivyignore:3]');
    expect(plain).toContain("warning: charts/broken: helm template failed: 'required' value");
    // With a base: column headings with a status, the fixed ones, and new findings counted.
    expect(plain.startsWith(' LINE  SEVERITY  RULE      STATUS    MESSAGE\n')).toBe(true);
    expect(plain).toMatch(
      /^ {4}3 {2}medium {4}KSV013 {4}existing {2}Image "nginx:latest" — tag\\nlatest \\ \\u2028 ünïcode$/m,
    );
    expect(plain).toMatch(/Fixed by these changes:\n.*\n.*\n {3}20 {2}high {6}KSV010 {4}fixed/);
    expect(
      plain.endsWith(
        "2 new findings (1 high, 1 low), 2 existing, 2 fixed, 4 suppressed. Gate failed: new findings at or above 'high'.\n",
      ),
    ).toBe(true);
  });
});
