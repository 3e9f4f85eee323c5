// The terminal report: findings grouped by file, coloured by severity, then the counts.
import { styleText } from 'node:util';
import { SEVERITIES, type Finding, type Severity } from '../model.js';
import type { ScanResult } from '../scan.js';
import type { SuppressedFinding } from '../suppress/suppress.js';

type Style = Parameters<typeof styleText>[0];

const SEVERITY_STYLE: Record<Severity, Style> = {
  critical: ['bold', 'magenta'],
  high: ['bold', 'red'],
  medium: 'yellow',
  low: 'cyan',
  info: 'gray',
};

export interface TableOptions {
  color: boolean;
  showSuppressed: boolean;
}

export function renderTable(result: ScanResult, options: TableOptions): string {
  return [...tableLines(result, options)].join('');
}

/** The table's lines (each ending in a newline), one at a time: a big scan's is not one string. */
export function* tableLines(
  result: ScanResult,
  { color, showSuppressed }: TableOptions,
): Generator<string> {
  const paint = (style: Style, text: string) =>
    color ? styleText(style, text, { validateStream: false }) : text;
  const line = (text: string) => `${text}\n`;

  function* section(findings: Finding[], suppressed: boolean) {
    const byFile = Map.groupBy(findings, (finding) => finding.file);
    for (const [file, group] of byFile) {
      yield line(paint('underline', file));
      for (const finding of group) {
        const where = `${finding.line}`.padStart(5);
        const severity = paint(SEVERITY_STYLE[finding.severity], finding.severity.padEnd(8));
        const context = [
          finding.chart &&
            `${finding.chart} (${(finding.valuesSets ?? [finding.valuesSet]).join(', ')})`,
          finding.overlay && `kustomize ${(finding.overlays ?? [finding.overlay]).join(', ')}`,
          finding.rendered && `rendered ${finding.rendered.file}:${finding.rendered.line}`,
        ]
          .filter(Boolean)
          .join(', ');
        const text = `${where}  ${severity} ${finding.ruleId.padEnd(8)} ${finding.message}`;
        const by = (finding as Partial<SuppressedFinding>).suppressedBy;
        const note = by
          ? ` [suppressed by ${by.file}${by.line ? `:${by.line}` : ''}${by.reason ? `: ${by.reason}` : ''}]`
          : '';
        yield line(suppressed ? paint('dim', `${text}${note}`) : text);
        if (context) yield line(paint('dim', `${' '.repeat(25)}${context}`));
      }
      yield line('');
    }
  }

  yield* section(result.findings, false);
  if (showSuppressed) yield* section(result.suppressed, true);

  for (const error of result.errors) {
    const where = error.line ? `${error.file}:${error.line}` : error.file;
    yield line(paint('yellow', `warning: ${where}: ${error.message}`));
  }
  if (result.errors.length) yield line('');

  const { summary } = result;
  const counts = SEVERITIES.filter((s) => summary.bySeverity[s] > 0)
    .map((s) => `${summary.bySeverity[s]} ${s}`)
    .join(', ');
  const found =
    summary.total === 0
      ? 'No findings'
      : `${summary.total} finding${summary.total === 1 ? '' : 's'} (${counts})`;
  const suppressed = summary.suppressed ? `, ${summary.suppressed} suppressed` : '';
  const verdict = summary.failed
    ? paint(['bold', 'red'], `failed: findings at or above '${summary.failOn}'`)
    : paint(['bold', 'green'], `passed (fail-on: ${summary.failOn})`);
  yield line(`${found}${suppressed}. Gate ${verdict}.`);
}
