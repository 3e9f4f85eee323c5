// Which findings get annotations, and how: check-run annotations (no cap but 50 per request)
// and workflow-command annotations, which GitHub silently caps at 10 per level per step — so
// they are sorted by severity, fitted to the levels' budgets, and closed by one notice that
// says how many more there are and where to find them.
import type { ChangedLines } from '../diff/changed-lines.js';
import { severityRank, type Finding, type Severity } from '../model.js';
import type { CheckAnnotation } from '../github/checks.js';
import { plainText, truncateBytes, truncateChars } from './escape.js';

export const ANNOTATION_MODES = ['changed-lines', 'all', 'none'] as const;
export type AnnotationMode = (typeof ANNOTATION_MODES)[number];

/** GitHub keeps this many workflow-command annotations of each level per step. */
export const WORKFLOW_ANNOTATIONS_PER_LEVEL = 10;

export type WorkflowLevel = 'error' | 'warning' | 'notice';

/** Where a workflow annotation points (what the Action passes to @actions/core). */
export interface WorkflowAnnotationPlace {
  title?: string;
  file?: string;
  startLine?: number;
}

/**
 * Counts the workflow annotations a step makes, per level, so the findings get what is left of
 * GitHub's WORKFLOW_ANNOTATIONS_PER_LEVEL (planWorkflowAnnotations below). `emit` writes one
 * annotation (the Action passes @actions/core's error, warning and notice).
 */
export class WorkflowAnnotationBudget {
  private readonly used: Record<WorkflowLevel, number> = { error: 0, warning: 0, notice: 0 };

  constructor(
    private readonly emit: (
      level: WorkflowLevel,
      message: string,
      place: WorkflowAnnotationPlace,
    ) => void,
  ) {}

  annotate(level: WorkflowLevel, message: string, place: WorkflowAnnotationPlace = {}): void {
    this.used[level]++;
    this.emit(level, message, place);
  }

  error(message: string, place?: WorkflowAnnotationPlace): void {
    this.annotate('error', message, place);
  }

  warning(message: string, place?: WorkflowAnnotationPlace): void {
    this.annotate('warning', message, place);
  }

  notice(message: string, place?: WorkflowAnnotationPlace): void {
    this.annotate('notice', message, place);
  }

  /** What is left of each level, keeping `reserveError` error slots (the gate's own). */
  left(reserveError: number): Record<WorkflowLevel, number> {
    const max = WORKFLOW_ANNOTATIONS_PER_LEVEL;
    return {
      error: max - this.used.error - reserveError,
      warning: max - this.used.warning,
      notice: max - this.used.notice,
    };
  }
}

/**
 * The findings to annotate: `changed-lines` keeps those whose line the PR added (all of them
 * when there is no diff to go by), `all` keeps every one, `none` none. Most severe first.
 */
export function selectAnnotated(
  findings: readonly Finding[],
  mode: AnnotationMode,
  changed?: ChangedLines,
): Finding[] {
  if (mode === 'none') return [];
  const selected =
    mode === 'changed-lines' && changed
      ? findings.filter((finding) => changed.get(finding.file)?.added.has(finding.line))
      : [...findings];
  return bySeverity(selected);
}

export function bySeverity(findings: readonly Finding[]): Finding[] {
  return [...findings].sort((a, b) => severityRank(b.severity) - severityRank(a.severity));
}

/**
 * Check-run annotations sent at most: 60 requests of 50 (a GITHUB_TOKEN has 1,000 requests an
 * hour per repository), enough for every finding of a big pull request (2,400 findings in 50
 * files) while a flood of tens of thousands stays bounded and says what it left out.
 */
export const MAX_CHECK_ANNOTATIONS = 3000;

/**
 * The findings that get check-run annotations: most severe first, and within a severity those on
 * lines the pull request changed first; at most `max`. `omitted` counts the rest.
 */
export function annotationBudget(
  findings: readonly Finding[],
  changed: ChangedLines | undefined,
  max = MAX_CHECK_ANNOTATIONS,
): { annotated: Finding[]; omitted: number } {
  const onChanged = (f: Finding) => (changed?.get(f.file)?.added.has(f.line) ? 1 : 0);
  const sorted = [...findings].sort(
    (a, b) => severityRank(b.severity) - severityRank(a.severity) || onChanged(b) - onChanged(a),
  );
  return { annotated: sorted.slice(0, max), omitted: Math.max(0, sorted.length - max) };
}

/** GitHub's limits for one check-run annotation. */
export const ANNOTATION_TITLE_MAX_CHARS = 255;
export const ANNOTATION_MESSAGE_MAX_BYTES = 64 * 1024;
/** Enough for any real message; a hostile one is cut well before GitHub's limit. */
const MESSAGE_MAX_CHARS = 4096;

/** A repository-relative `/` path as GitHub wants it: no `./`, no backslash, no leading `/`. */
export function annotationPath(file: string): string {
  return file
    .replace(/\\/g, '/')
    .replace(/^(\.\/)+/, '')
    .replace(/^\/+/, '');
}

const CHECK_LEVEL: Record<Severity, CheckAnnotation['annotation_level']> = {
  critical: 'failure',
  high: 'failure',
  medium: 'warning',
  low: 'notice',
  info: 'notice',
};

const WORKFLOW_LEVEL: Record<Severity, WorkflowLevel> = {
  critical: 'error',
  high: 'error',
  medium: 'warning',
  low: 'notice',
  info: 'notice',
};

export function annotationTitle(finding: Finding): string {
  const status = finding.status === 'new' ? 'new ' : '';
  return truncateChars(
    plainText(`${status}${finding.severity} ${finding.ruleId}: ${finding.title}`),
    ANNOTATION_TITLE_MAX_CHARS,
  );
}

/** The message and its context, plain and bounded. */
function annotationMessage(finding: Finding, separator: string): string {
  const details = annotationDetails(finding);
  const message = truncateChars(plainText(finding.message), MESSAGE_MAX_CHARS);
  const text = details
    ? `${message}${separator}(${truncateChars(plainText(details), MESSAGE_MAX_CHARS)})`
    : message;
  return truncateBytes(text, ANNOTATION_MESSAGE_MAX_BYTES);
}

/** Context a reviewer needs besides the message: the resource, chart and values set. */
export function annotationDetails(finding: Finding): string {
  const parts: string[] = [];
  if (finding.resource) parts.push(`${finding.resource.kind}/${finding.resource.name}`);
  if (finding.container) parts.push(`container ${finding.container}`);
  if (finding.chart) {
    const sets = finding.valuesSets ?? [finding.valuesSet ?? 'default'];
    const shown = sets.slice(0, 5).join(', ');
    parts.push(
      `chart ${finding.chart} (${sets.length > 5 ? `${shown}, +${sets.length - 5} more` : shown})`,
    );
  }
  if (finding.overlay) {
    parts.push(`kustomize ${(finding.overlays ?? [finding.overlay]).join(', ')}`);
  }
  if (finding.rendered) parts.push(`rendered ${finding.rendered.file}:${finding.rendered.line}`);
  return parts.join(', ');
}

export function toCheckAnnotation(finding: Finding): CheckAnnotation {
  return {
    path: annotationPath(finding.file),
    start_line: finding.line,
    end_line: finding.line,
    annotation_level: CHECK_LEVEL[finding.severity],
    title: annotationTitle(finding),
    message: annotationMessage(finding, '\n'),
  };
}

export interface WorkflowAnnotation {
  level: WorkflowLevel;
  message: string;
  title: string;
  file: string;
  line: number;
}

export interface WorkflowAnnotationPlan {
  annotations: WorkflowAnnotation[];
  /** Findings that did not fit. */
  omitted: number;
  /** The closing notice, when some did not fit. */
  notice?: string;
}

/**
 * Fits severity-sorted findings into the per-level budgets (what is left of GitHub's 10 after
 * the step's other annotations). One notice slot is kept for the closing notice whenever
 * something does not fit.
 */
export function planWorkflowAnnotations(
  findings: readonly Finding[],
  budget: Record<WorkflowLevel, number>,
  seeAlso: string,
): WorkflowAnnotationPlan {
  const sorted = bySeverity(findings);
  const fit = (left: Record<WorkflowLevel, number>) => {
    const remaining = { ...left };
    const annotations: WorkflowAnnotation[] = [];
    for (const finding of sorted) {
      const level = WORKFLOW_LEVEL[finding.severity];
      if (remaining[level] <= 0) continue;
      remaining[level]--;
      annotations.push({
        level,
        title: annotationTitle(finding),
        message: annotationMessage(finding, ' '),
        file: annotationPath(finding.file),
        line: finding.line,
      });
    }
    return annotations;
  };
  const clamp = (n: number) => Math.max(0, Math.floor(n));
  const budgets = {
    error: clamp(budget.error),
    warning: clamp(budget.warning),
    notice: clamp(budget.notice),
  };
  let annotations = fit(budgets);
  if (annotations.length === sorted.length) return { annotations, omitted: 0 };
  // Something is left out: keep a notice slot for saying so.
  annotations = fit({ ...budgets, notice: Math.max(0, budgets.notice - 1) });
  const omitted = sorted.length - annotations.length;
  const notice =
    budgets.notice > 0
      ? `kube-policy-gate: ${omitted} more finding(s) not annotated here (GitHub shows at most ${WORKFLOW_ANNOTATIONS_PER_LEVEL} annotations per level in a step); ${seeAlso}.`
      : undefined;
  return { annotations, omitted, ...(notice ? { notice } : {}) };
}
