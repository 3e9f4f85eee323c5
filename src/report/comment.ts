// The sticky PR comment: a one-line verdict, then the new findings grouped by severity (rule,
// title, message, a link to the line on the PR head, chart and values set, the rule's doc);
// existing, fixed and suppressed findings in collapsed sections; exception warnings. Every
// piece of text from the scanned repository is escaped, and the body stays under GitHub's
// 65,536 characters, saying how many findings were left out.
import { severityRank, type Finding, type ScanError, type Severity } from '../model.js';
import { findRuleMeta } from '../rules/index.js';
import type { ScanResult } from '../scan.js';
import type { SuppressedFinding } from '../suppress/suppress.js';
import { escapeMarkdown, listText, verdict } from './markdown.js';
import { ruleHelpUri } from './sarif.js';

/** GitHub rejects comment bodies longer than this. */
export const COMMENT_MAX_CHARS = 65_536;

export interface CommentLinks {
  /** `https://github.com` or the GHES host. */
  serverUrl: string;
  owner: string;
  repo: string;
  /** Findings link to their line at this commit. */
  headSha: string;
  /** The workflow run, where the job summary is. */
  runUrl?: string;
}

export interface CommentOptions {
  /** Hidden first line that identifies the comment. */
  marker: string;
  /** What the gate counted: new findings only, or all. */
  gate: 'new' | 'all';
  links?: CommentLinks;
  /** For tests; GitHub's limit otherwise. */
  maxChars?: number;
}

const ICON: Record<Severity, string> = {
  critical: ':bangbang:',
  high: ':red_circle:',
  medium: ':orange_circle:',
  low: ':yellow_circle:',
  info: ':white_circle:',
};

const MAX_TEXT = 1000;

/** Escapes untrusted text for Markdown and HTML, on one line and at most MAX_TEXT long. */
function text(value: string): string {
  const short = value.length > MAX_TEXT ? `${value.slice(0, MAX_TEXT)}…` : value;
  return escapeMarkdown(short);
}

/** A URL path from untrusted segments: every character Markdown or HTML could use is encoded. */
function urlPath(value: string): string {
  return value
    .split('/')
    .map((segment) =>
      encodeURIComponent(segment).replace(
        /[!'()*]/g,
        (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
      ),
    )
    .join('/');
}

export function lineUrl(links: CommentLinks, file: string, line: number): string {
  return `${links.serverUrl}/${urlPath(links.owner)}/${urlPath(links.repo)}/blob/${urlPath(links.headSha)}/${urlPath(file)}#L${line}`;
}

export { verdict };

/** A bounded Markdown body: sections take what fits, leaving room for the ones after them. */
class Body {
  private readonly parts: string[] = [];
  private size = 0;
  constructor(private readonly limit: number) {}
  get left(): number {
    return this.limit - this.size;
  }
  push(...lines: string[]): void {
    for (const line of lines) {
      this.parts.push(line);
      this.size += line.length + 1;
    }
  }
  toString(): string {
    return this.parts.join('\n') + '\n';
  }
}

/** Room kept per section still to come (its summary line, "and N more", closing tags). */
const SECTION_RESERVE = 400;

export function renderComment(result: ScanResult, options: CommentOptions): string {
  const { links } = options;
  const body = new Body(options.maxChars ?? COMMENT_MAX_CHARS);
  const moreWhere = links?.runUrl
    ? `see the [job summary](${links.runUrl})`
    : 'see the job summary';
  const hasBase = result.fixed !== undefined;
  const fresh = hasBase ? result.findings.filter((f) => f.status === 'new') : result.findings;
  const existing = hasBase ? result.findings.filter((f) => f.status !== 'new') : [];
  const fixed = result.fixed ?? [];
  const warnings = result.errors;

  body.push(options.marker);
  body.push(verdict(result, options.gate));
  body.push('');
  const counts = hasBase
    ? [
        `**${fresh.length} new**`,
        `${existing.length} existing`,
        `${fixed.length} fixed`,
        `${result.suppressed.length} suppressed`,
      ]
    : [`**${fresh.length} finding(s)**`, `${result.suppressed.length} suppressed`];
  body.push(
    `${counts.join(' · ')} · fail-on \`${result.summary.failOn}\`, gate: ${hasBase ? options.gate : 'all'}`,
  );

  // Sections after the one being filled, each needing its reserve.
  let sectionsAfter = 5;
  /** Pushes entries while they fit; headings (`null` count) are not counted as left out. */
  const list = (entries: Array<{ line: string; counts: boolean }>, what: string) => {
    sectionsAfter--;
    const room = () => body.left - SECTION_RESERVE * (sectionsAfter + 1);
    let index = 0;
    for (; index < entries.length; index++) {
      if (entries[index].line.length + 1 > room()) break;
      body.push(entries[index].line);
    }
    const left = entries.slice(index).filter((entry) => entry.counts).length;
    if (left) body.push('', `- … and ${left} more ${what} (${moreWhere}).`);
  };
  const lines = (values: string[]) => values.map((line) => ({ line, counts: true }));

  if (warnings.length) {
    body.push('', '**Warnings**', '');
    list(lines(warnings.map(warningLine)), 'warnings');
  } else sectionsAfter--;

  body.push('');
  if (fresh.length) {
    body.push(hasBase ? '### New findings' : '### Findings');
    // Grouped by file, the file with the most severe findings first: a reviewer works file by
    // file, and with thousands of findings the worst files are the ones that fit.
    const entries: Array<{ line: string; counts: boolean }> = [];
    const byFile = [...Map.groupBy(fresh, (f) => f.file)].map(([file, group]) => ({
      file,
      group: [...group].sort(
        (a, b) => severityRank(b.severity) - severityRank(a.severity) || a.line - b.line,
      ),
    }));
    byFile.sort(
      (a, b) =>
        severityRank(b.group[0].severity) - severityRank(a.group[0].severity) ||
        b.group.length - a.group.length ||
        a.file.localeCompare(b.file),
    );
    for (const { file, group } of byFile) {
      const heading = `#### ${text(file)} (${group.length})`;
      entries.push(...['', heading, ''].map((line) => ({ line, counts: false })));
      entries.push(...lines(group.map((f) => findingLine(f, links))));
    }
    list(entries, hasBase ? 'new findings' : 'findings');
  } else {
    sectionsAfter--;
    body.push(hasBase ? 'This pull request adds no findings.' : 'No findings.');
  }

  details(`${existing.length} existing finding(s), already on the base branch`, existing, (f) =>
    findingLine(f, links, true),
  );
  details(`${fixed.length} finding(s) fixed by this pull request`, fixed, (f) =>
    findingLine(f, undefined, true),
  );
  details(`${result.suppressed.length} suppressed finding(s)`, result.suppressed, (f) =>
    suppressedLine(f as SuppressedFinding, links),
  );

  function details(summary: string, findings: Finding[], line: (f: Finding) => string) {
    if (!findings.length) {
      sectionsAfter--;
      return;
    }
    body.push('', `<details><summary>${summary}</summary>`, '');
    list(lines(findings.map(line)), 'in this section');
    body.push('', '</details>');
  }

  if (links?.runUrl) body.push('', `<sub>Full report: [workflow run](${links.runUrl}).</sub>`);
  return body.toString();
}

function findingLine(finding: Finding, links: CommentLinks | undefined, short = false): string {
  const meta = findRuleMeta(finding.ruleId);
  const helpUri = ruleHelpUri(finding.ruleId, meta);
  const rule = meta && helpUri ? `[${text(meta.id)}](${helpUri})` : text(finding.ruleId);
  const where = `${text(finding.file)}:${finding.line}`;
  const location = links ? `[${where}](${lineUrl(links, finding.file, finding.line)})` : where;
  const context: string[] = [];
  if (finding.resource)
    context.push(`${text(finding.resource.kind)}/${text(finding.resource.name)}`);
  if (finding.container) context.push(`container ${text(finding.container)}`);
  if (finding.chart) {
    const sets = finding.valuesSets?.length ? finding.valuesSets : [finding.valuesSet ?? 'default'];
    context.push(`chart ${text(finding.chart)}, values ${text(listText(sets, 5))}`);
  }
  if (finding.overlay) {
    const overlays = finding.overlays?.length ? finding.overlays : [finding.overlay];
    context.push(`kustomize ${text(listText(overlays, 5))}`);
  }
  const severity = short ? `${finding.severity} ` : `${ICON[finding.severity]} `;
  const suffix = context.length ? ` (${context.join('; ')})` : '';
  return `- ${severity}**${rule}** ${text(finding.title)}: ${text(finding.message)} at ${location}${suffix}`;
}

function suppressedLine(finding: SuppressedFinding, links: CommentLinks | undefined): string {
  const by = finding.suppressedBy;
  const where = `${by.file}${by.line ? `:${by.line}` : ''}`;
  const reason = by.reason ? `: ${text(by.reason)}` : '';
  const until = by.expires ? ` until ${text(by.expires)}` : '';
  return `${findingLine(finding, links, true)}, accepted by ${text(by.source)} ${text(where)}${until}${reason}`;
}

function warningLine(warning: ScanError): string {
  const where = warning.line ? `${warning.file}:${warning.line}` : warning.file;
  const icon = warning.level === 'warning' ? ':warning:' : ':x:';
  return `- ${icon} ${text(where)}: ${text(warning.message)}`;
}
