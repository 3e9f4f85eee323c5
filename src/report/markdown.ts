// Markdown for the job summary: the verdict, counts, and every finding in a table.
import { SEVERITIES } from '../model.js';
import type { ScanResult } from '../scan.js';

/** Escapes text from files and messages so it cannot break out of a table cell or inject HTML. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_{}[\]<>()#+!|~&]/g, (c) => `&#${c.charCodeAt(0)};`)
    .replace(/\r?\n/g, ' ');
}

const MAX_SUMMARY_BYTES = 1024 * 1024 - 4096;

export function renderJobSummary(result: ScanResult): string {
  const { summary } = result;
  const verdict = summary.failed
    ? `:x: **kube-policy-gate failed**: findings at or above \`${summary.failOn}\`.`
    : `:white_check_mark: **kube-policy-gate passed** (fail-on: \`${summary.failOn}\`).`;
  const lines = [
    verdict,
    '',
    '| ' + SEVERITIES.join(' | ') + ' | suppressed |',
    '|' + ' ---: |'.repeat(SEVERITIES.length + 1),
    '| ' + SEVERITIES.map((s) => summary.bySeverity[s]).join(' | ') + ` | ${summary.suppressed} |`,
    '',
  ];
  if (result.findings.length) {
    lines.push('| Severity | Rule | File | Message |', '| --- | --- | --- | --- |');
    let size = lines.join('\n').length;
    for (const [index, f] of result.findings.entries()) {
      const row = `| ${f.severity} | ${f.ruleId} | ${escapeMarkdown(f.file)}:${f.line} | ${escapeMarkdown(f.message)} |`;
      if (size + row.length > MAX_SUMMARY_BYTES) {
        lines.push(
          '',
          `… and ${result.findings.length - index} more findings (see the JSON report).`,
        );
        break;
      }
      size += row.length + 1;
      lines.push(row);
    }
  }
  if (result.errors.length) {
    lines.push('', '**Warnings**', '');
    for (const e of result.errors)
      lines.push(
        `- ${escapeMarkdown(e.line ? `${e.file}:${e.line}` : e.file)}: ${escapeMarkdown(e.message)}`,
      );
  }
  return lines.join('\n') + '\n';
}
