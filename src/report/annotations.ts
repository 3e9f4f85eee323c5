// Which findings get annotations, and how: check-run annotations (no cap but 50 per request)
// and workflow-command annotations, which GitHub silently caps at 10 per level per step — so
// they are sorted by severity, fitted to the levels' budgets, and closed by one notice that
// says how many more there are and where to find them.
import type { ChangedLines } from '../diff/changed-lines.js';
import { severityRank, type Finding, type Severity } from '../model.js';
import type { CheckAnnotation } from '../github/checks.js';

export const ANNOTATION_MODES = ['changed-lines', 'all', 'none'] as const;
export type AnnotationMode = (typeof ANNOTATION_MODES)[number];

/** GitHub keeps this many workflow-command annotations of each level per step. */
export const WORKFLOW_ANNOTATIONS_PER_LEVEL = 10;

export type WorkflowLevel = 'error' | 'warning' | 'notice';

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
  return `${status}${finding.severity} ${finding.ruleId}: ${finding.title}`;
}

/** Context a reviewer needs besides the message: the resource, chart and values set. */
export function annotationDetails(finding: Finding): string {
  const parts: string[] = [];
  if (finding.resource) parts.push(`${finding.resource.kind}/${finding.resource.name}`);
  if (finding.container) parts.push(`container ${finding.container}`);
  if (finding.chart) {
    parts.push(
      `chart ${finding.chart} (${(finding.valuesSets ?? [finding.valuesSet ?? 'default']).join(', ')})`,
    );
  }
  if (finding.overlay) {
    parts.push(`kustomize ${(finding.overlays ?? [finding.overlay]).join(', ')}`);
  }
  if (finding.rendered) parts.push(`rendered ${finding.rendered.file}:${finding.rendered.line}`);
  return parts.join(', ');
}

export function toCheckAnnotation(finding: Finding): CheckAnnotation {
  const details = annotationDetails(finding);
  return {
    path: finding.file,
    start_line: finding.line,
    end_line: finding.line,
    annotation_level: CHECK_LEVEL[finding.severity],
    title: annotationTitle(finding),
    message: details ? `${finding.message}\n(${details})` : finding.message,
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
      const details = annotationDetails(finding);
      annotations.push({
        level,
        title: annotationTitle(finding),
        message: details ? `${finding.message} (${details})` : finding.message,
        file: finding.file,
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
