// Markdown for the job summary, the check run's summary and `--format markdown`: the verdict,
// the counts, the scan warnings, and every finding in a table (with a base: new first, then
// existing, then fixed). Bounded in UTF-8 bytes (GitHub refuses a step summary over 1 MiB and a
// check-run summary over 65,535 bytes): rows that do not fit are left out at a row boundary,
// and the last line says how many and where the full report is.
import { isAtOrAbove, SEVERITIES, type Finding, type ScanError } from '../model.js';
import type { ScanResult } from '../scan.js';
import { markdownText, truncateChars, utf8Bytes } from './escape.js';

/** Escapes untrusted text for a Markdown line or table cell (see escape.ts). */
export function escapeMarkdown(text: string): string {
  return markdownText(text);
}

/** GitHub refuses a step's job summary over 1 MiB; the margin is for what other steps add. */
export const JOB_SUMMARY_MAX_BYTES = 1024 * 1024 - 8 * 1024;

export type Gate = 'new' | 'all';

/** The gate the result was computed with when the caller does not say: new with a base. */
export function defaultGate(result: ScanResult): Gate {
  return result.fixed !== undefined ? 'new' : 'all';
}

/** The one-line verdict; with a base and `gate: new` it counts new findings only. */
export function verdict(result: ScanResult, gate: Gate = defaultGate(result)): string {
  const { summary } = result;
  const total = result.findings.length;
  const hasBase = result.fixed !== undefined;
  const countNew = hasBase && gate === 'new';
  const gated = countNew ? result.findings.filter((f) => f.status === 'new') : result.findings;
  const blocking = gated.filter((f) => isAtOrAbove(f.severity, summary.failOn)).length;
  const what = countNew ? 'new finding(s)' : 'finding(s)';
  if (summary.failed) {
    // A Dockerfile threshold from .hadolint.yaml can fail the gate below failOn.
    return blocking
      ? `:x: **kube-policy-gate failed**: ${blocking} ${what} at or above \`${summary.failOn}\`.`
      : `:x: **kube-policy-gate failed**: ${what} at or above the failure threshold.`;
  }
  if (total === 0) return ':white_check_mark: **kube-policy-gate: all clear**, no findings.';
  const detail = hasBase
    ? `${summary.new ?? 0} new, ${total - (summary.new ?? 0)} existing`
    : `${total} finding(s)`;
  return `:white_check_mark: **kube-policy-gate passed**: no ${what} at or above \`${summary.failOn}\` (${detail}).`;
}

export interface JobSummaryOptions {
  gate?: Gate;
  /** Default: JOB_SUMMARY_MAX_BYTES. */
  maxBytes?: number;
  /** Where the rows left out can be read: "the JSON report", "the job summary". */
  fullReport?: string;
}

/** The verdict and the counts: what every summary starts with. */
export function summaryHead(result: ScanResult, gate: Gate = defaultGate(result)): string[] {
  const { summary } = result;
  const lines = [
    verdict(result, gate),
    '',
    '| ' + SEVERITIES.join(' | ') + ' | suppressed |',
    '|' + ' ---: |'.repeat(SEVERITIES.length + 1),
    '| ' + SEVERITIES.map((s) => summary.bySeverity[s]).join(' | ') + ` | ${summary.suppressed} |`,
  ];
  if (result.fixed !== undefined) {
    const fresh = summary.new ?? 0;
    lines.push(
      '',
      `**${fresh} new**, ${summary.total - fresh} existing, ${result.fixed.length} fixed (gate: ${gate}).`,
    );
  }
  return lines;
}

/** Reserve for the closing "N rows left out" line. */
const FOOTER_RESERVE = 400;
/** Cell text beyond this is cut: one finding never takes a large part of the budget. */
const MAX_CELL = 2000;

function cell(text: string): string {
  return escapeMarkdown(truncateChars(text, MAX_CELL));
}

function context(finding: Finding): string {
  const parts: string[] = [];
  if (finding.resource) parts.push(`${finding.resource.kind}/${finding.resource.name}`);
  if (finding.chart) {
    const sets = finding.valuesSets?.length ? finding.valuesSets : [finding.valuesSet ?? 'default'];
    parts.push(`chart ${finding.chart} (${listText(sets, 5)})`);
  }
  return parts.join('; ');
}

/** At most `max` entries, then "+N more". */
export function listText(values: readonly string[], max: number): string {
  const shown = values.slice(0, max).join(', ');
  return values.length > max ? `${shown}, +${values.length - max} more` : shown;
}

function warningLine(warning: ScanError): string {
  const where = warning.line ? `${warning.file}:${warning.line}` : warning.file;
  return `- ${warning.level === 'warning' ? ':warning:' : ':x:'} ${cell(where)}: ${cell(warning.message)}`;
}

export function renderJobSummary(result: ScanResult, options: JobSummaryOptions = {}): string {
  const gate = options.gate ?? defaultGate(result);
  const maxBytes = options.maxBytes ?? JOB_SUMMARY_MAX_BYTES;
  const fullReport = options.fullReport ?? 'the JSON or SARIF report';
  const out: string[] = [];
  let size = 0;
  const push = (line: string) => {
    out.push(line);
    size += utf8Bytes(line) + 1;
  };
  for (const line of summaryHead(result, gate)) push(line);

  const hasBase = result.fixed !== undefined;
  const rows: Array<[Finding, string]> = hasBase
    ? [
        ...result.findings
          .filter((f) => f.status === 'new')
          .map((f) => [f, 'new'] as [Finding, string]),
        ...result.findings
          .filter((f) => f.status !== 'new')
          .map((f) => [f, 'existing'] as [Finding, string]),
        ...result.fixed!.map((f) => [f, 'fixed'] as [Finding, string]),
      ]
    : result.findings.map((f) => [f, ''] as [Finding, string]);
  const warnings = result.errors;
  let leftOutRows = 0;
  let leftOutWarnings = 0;

  // Warnings first (they explain what was not scanned), taking at most a quarter of the room.
  if (warnings.length) {
    push('');
    push('**Warnings**');
    push('');
    const limit = size + (maxBytes - size) / 4;
    for (const [index, warning] of warnings.entries()) {
      const line = warningLine(warning);
      if (size + utf8Bytes(line) + 1 > limit) {
        leftOutWarnings = warnings.length - index;
        break;
      }
      push(line);
    }
  }
  if (rows.length) {
    push('');
    push(
      hasBase
        ? '| Status | Severity | Rule | File | Message | Resource |'
        : '| Severity | Rule | File | Message | Resource |',
    );
    push(hasBase ? '| --- | --- | --- | --- | --- | --- |' : '| --- | --- | --- | --- | --- |');
    for (const [index, [f, status]] of rows.entries()) {
      const cells = [
        ...(hasBase ? [status === 'new' ? '**new**' : status] : []),
        f.severity,
        cell(f.ruleId),
        `${cell(f.file)}:${f.line}`,
        cell(f.message),
        cell(context(f)),
      ];
      const row = `| ${cells.join(' | ')} |`;
      if (size + utf8Bytes(row) + 1 > maxBytes - FOOTER_RESERVE) {
        leftOutRows = rows.length - index;
        break;
      }
      push(row);
    }
  }
  if (leftOutRows || leftOutWarnings) {
    const parts = [
      leftOutRows ? `${leftOutRows} finding row(s)` : '',
      leftOutWarnings ? `${leftOutWarnings} warning(s)` : '',
    ].filter(Boolean);
    push('');
    push(
      `_${parts.join(' and ')} left out to stay within GitHub's size limit; full report in ${fullReport}._`,
    );
  }
  return out.join('\n') + '\n';
}
