// The terminal report: findings grouped by file under column headings, coloured by severity,
// then the counts. With a base, each finding says whether it is new or existing, fixed ones
// follow, and the last line counts what the gate counted. Untrusted text is shown with its
// control characters escaped (escape.ts), so it can neither drive the terminal nor start a
// workflow command.
import { styleText } from 'node:util';
import { SEVERITIES, type Finding, type Severity } from '../model.js';
import type { ScanResult } from '../scan.js';
import type { SuppressedFinding } from '../suppress/suppress.js';
import { plainText, terminalLine } from './escape.js';
import { listText } from './markdown.js';

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
  /** What the gate counted (with a base); default new with a base, else all. */
  gate?: 'new' | 'all';
}

/** Values sets shown per finding before "+N more". */
const MAX_VALUES_SETS = 3;

/**
 * Colour as Node and chalk decide it: FORCE_COLOR, when set, wins (on unless `0` or `false`;
 * empty means on), then NO_COLOR (non-empty) turns it off, otherwise a terminal gets colour.
 */
export function useColor(env: NodeJS.ProcessEnv, isTTY: boolean): boolean {
  const force = env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force !== 'false';
  if (env.NO_COLOR) return false;
  return isTTY && env.TERM !== 'dumb';
}

export function renderTable(result: ScanResult, options: TableOptions): string {
  return [...tableLines(result, options)].join('');
}

const COLUMNS = { line: 5, severity: 8, rule: 8, status: 8 };

/** The table's lines (each ending in a newline), one at a time: a big scan's is not one string. */
export function* tableLines(
  result: ScanResult,
  { color, showSuppressed, gate }: TableOptions,
): Generator<string> {
  const paint = (style: Style, text: string) =>
    color ? styleText(style, text, { validateStream: false }) : text;
  const line = (text: string) => `${text}\n`;
  const hasBase = result.fixed !== undefined;
  const gateOn = gate ?? (hasBase ? 'new' : 'all');

  const heading = [
    'LINE'.padStart(COLUMNS.line),
    'SEVERITY'.padEnd(COLUMNS.severity),
    'RULE'.padEnd(COLUMNS.rule),
    ...(hasBase ? ['STATUS'.padEnd(COLUMNS.status)] : []),
    'MESSAGE',
  ].join('  ');

  function* section(findings: Finding[], kind: 'finding' | 'suppressed' | 'fixed') {
    if (!findings.length) return;
    if (kind === 'fixed') yield line(paint('bold', 'Fixed by these changes:'));
    if (kind === 'suppressed') yield line(paint('bold', 'Suppressed:'));
    yield line(paint('bold', heading));
    const byFile = Map.groupBy(findings, (finding) => finding.file);
    for (const [file, group] of byFile) {
      yield line(paint('underline', terminalLine(file)));
      for (const finding of group) {
        const status =
          kind === 'fixed' ? 'fixed' : kind === 'suppressed' ? '' : (finding.status ?? '');
        const cells = [
          `${finding.line}`.padStart(COLUMNS.line),
          paint(SEVERITY_STYLE[finding.severity], finding.severity.padEnd(COLUMNS.severity)),
          plainText(finding.ruleId).padEnd(COLUMNS.rule),
          ...(hasBase
            ? [(status === 'new' ? paint('bold', status) : status).padEnd(COLUMNS.status)]
            : []),
          plainText(finding.message),
        ];
        const text = cells.join('  ');
        const by = (finding as Partial<SuppressedFinding>).suppressedBy;
        const note = by
          ? ` [suppressed by ${plainText(by.file)}${by.line ? `:${by.line}` : ''}${by.reason ? `: ${plainText(by.reason)}` : ''}]`
          : '';
        yield line(kind === 'finding' ? text : paint('dim', `${text}${note}`));
        const context = [
          finding.chart &&
            `chart ${finding.chart} (${listText(finding.valuesSets ?? [finding.valuesSet ?? 'default'], MAX_VALUES_SETS)})`,
          finding.overlay &&
            `kustomize ${listText(finding.overlays ?? [finding.overlay], MAX_VALUES_SETS)}`,
          finding.rendered && `rendered ${finding.rendered.file}:${finding.rendered.line}`,
        ]
          .filter(Boolean)
          .join(', ');
        if (context)
          yield line(paint('dim', `${' '.repeat(COLUMNS.line + 2)}${plainText(context)}`));
      }
      yield line('');
    }
  }

  yield* section(result.findings, 'finding');
  if (hasBase) yield* section(result.fixed!, 'fixed');
  if (showSuppressed) yield* section(result.suppressed, 'suppressed');

  for (const error of result.errors) {
    const where = error.line ? `${error.file}:${error.line}` : error.file;
    yield line(paint('yellow', `warning: ${plainText(where)}: ${plainText(error.message)}`));
  }
  if (result.errors.length) yield line('');

  const { summary } = result;

  // With a base the line leads with the new findings: what the pull request changes.
  const counted = hasBase ? result.findings.filter((f) => f.status === 'new') : result.findings;
  const counts = SEVERITIES.map((s) => [s, counted.filter((f) => f.severity === s).length] as const)
    .filter(([, n]) => n > 0)
    .map(([s, n]) => `${n} ${s}`)
    .join(', ');
  const noun = hasBase ? 'new finding' : 'finding';
  let found =
    counted.length === 0
      ? `No ${noun}s`
      : `${counted.length} ${noun}${counted.length === 1 ? '' : 's'} (${counts})`;
  if (hasBase) {
    found += `, ${summary.total - (summary.new ?? 0)} existing, ${result.fixed!.length} fixed`;
  }
  const suppressed = summary.suppressed ? `, ${summary.suppressed} suppressed` : '';
  const gated = !hasBase
    ? 'findings'
    : gateOn === 'new'
      ? 'new findings'
      : 'findings (new or existing)';
  const verdict = summary.failed
    ? paint(['bold', 'red'], `failed: ${gated} at or above '${summary.failOn}'`)
    : paint(
        ['bold', 'green'],
        `passed (fail-on: ${summary.failOn}${hasBase ? `, gate: ${gateOn}` : ''})`,
      );
  yield line(`${found}${suppressed}. Gate ${verdict}.`);
}
