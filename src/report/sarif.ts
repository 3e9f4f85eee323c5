// SARIF 2.1.0 for GitHub code scanning (github/codeql-action/upload-sarif): a rule table from
// rule metadata (help, doc link, level, `security-severity`), results at repository-relative
// locations, our line-independent fingerprint as `partialFingerprints`, and suppressed
// findings as results with `suppressions` so code scanning shows them as dismissed. Written as a
// stream (`sarifChunks`): a big scan's log is not held as one string.
import path from 'node:path';
import type { Finding, ScanError, Severity } from '../model.js';
import { ADMISSION_POLICY_PREFIX, findBuiltinRuleMeta, findRuleMeta } from '../rules/index.js';
import type { RuleMeta } from '../rules/types.js';
import type { ScanResult } from '../scan.js';
import type { SuppressedFinding } from '../suppress/suppress.js';
import { RULE_DOCS_URL, TOOL_NAME, TOOL_VERSION } from '../version.js';
import { jsonChunks, mapLazily, materialize, streamedArray } from './stream.js';
import { markdownText } from './escape.js';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
/** The partialFingerprints key; bump the version if the fingerprint recipe changes. */
export const FINGERPRINT_KEY = 'kubePolicyGate/v1';

const INDENT = 2;

type SarifLevel = 'error' | 'warning' | 'note';

const LEVEL: Record<Severity, SarifLevel> = {
  critical: 'error',
  high: 'error',
  medium: 'warning',
  low: 'note',
  info: 'note',
};

/** GitHub maps these to critical (>= 9.0), high (7.0-8.9), medium (4.0-6.9), low (0.1-3.9). */
const SECURITY_SEVERITY: Record<Severity, string> = {
  critical: '9.5',
  high: '8.0',
  medium: '5.5',
  low: '2.0',
  info: '0.0',
};

export function ruleDocUrl(ruleId: string): string {
  return `${RULE_DOCS_URL}/${encodeURIComponent(ruleId)}.md`;
}

/** The page that documents a rule: its own (`url`), else the builtin rule page; none for an unknown ID. */
export function ruleHelpUri(ruleId: string, meta: RuleMeta | undefined): string | undefined {
  if (!meta) return undefined;
  return meta.url ?? ruleDocUrl(ruleId);
}

/**
 * A ValidatingAdmissionPolicy's rule text from its findings: the bindings and the validations (index and
 * expression) that failed, which the generic `vap/<policy>` metadata cannot know.
 */
function admissionPolicyDetails(findings: readonly Finding[]): { text: string; markdown: string } {
  const bindings = new Set<string>();
  const validations = new Map<number, string>();
  for (const finding of findings) {
    if (finding.admission?.binding) bindings.add(finding.admission.binding);
    const { validation, expression } = finding.admission ?? {};
    if (validation !== undefined && expression !== undefined)
      validations.set(validation, expression);
  }
  const sorted = [...validations].sort(([a], [b]) => a - b);
  const text = [
    bindings.size ? `Bindings: ${[...bindings].join(', ')}.` : '',
    ...sorted.map(([index, expression]) => `spec.validations[${index}]: ${expression}`),
  ].filter(Boolean);
  const markdown = [
    bindings.size ? `**Bindings:** ${[...bindings].map(markdownText).join(', ')}` : '',
    sorted.length ? '**Failing validations**' : '',
    ...sorted.map(
      ([index, expression]) => `- \`spec.validations[${index}]\`: ${markdownText(expression)}`,
    ),
  ].filter(Boolean);
  return { text: text.join('\n'), markdown: markdown.join('\n\n') };
}

/**
 * The SARIF log with its results as a streamed array (made one at a time, from the findings):
 * `materialize` it for the plain object.
 */
function sarifDocument(result: ScanResult) {
  const all: Finding[] = [...result.findings, ...result.suppressed];
  const ruleIds = [...new Set(all.map((finding) => finding.ruleId))].sort();
  // The policy may change a rule's severity: the table shows the one in force (of an open
  // finding, when the rule has both open and suppressed ones).
  const severityOf = new Map(
    [...result.suppressed, ...result.findings].map((finding) => [finding.ruleId, finding.severity]),
  );
  const rules = ruleIds.map((id) =>
    sarifRule(
      id,
      findRuleMeta(id),
      severityOf.get(id)!,
      id.startsWith(ADMISSION_POLICY_PREFIX)
        ? admissionPolicyDetails(all.filter((finding) => finding.ruleId === id))
        : undefined,
    ),
  );
  const index = new Map(ruleIds.map((id, i) => [id, i]));
  const results = mapLazily(all, (finding) => sarifResult(finding, index.get(finding.ruleId)!));
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: TOOL_NAME,
            version: TOOL_VERSION,
            semanticVersion: TOOL_VERSION,
            informationUri: 'https://github.com/kube-policy-gate/kube-policy-gate',
            rules,
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { description: { text: 'The repository root.' } } },
        // What the scan could not fully read or apply (the table's and JSON's `errors`): a
        // file that failed is also a KPG00x result; these say why and what was skipped.
        invocations: [
          {
            executionSuccessful: true,
            toolExecutionNotifications: result.errors.map(sarifNotification),
          },
        ],
        results: streamedArray(results),
        columnKind: 'utf16CodeUnits',
      },
    ],
  };
}

/** The SARIF log as one object, for code that reads it rather than writes it. */
export function sarifLog(result: ScanResult): unknown {
  return materialize(sarifDocument(result));
}

/** The SARIF log's text in pieces; joined, exactly `renderSarif`. */
export function* sarifChunks(result: ScanResult): Generator<string> {
  yield* jsonChunks(sarifDocument(result), INDENT);
  yield '\n';
}

/** The SARIF log's text as one string: for small reports and tests. */
export function renderSarif(result: ScanResult): string {
  return JSON.stringify(sarifLog(result), null, INDENT) + '\n';
}

function sarifRule(
  id: string,
  meta: RuleMeta | undefined,
  severity: Severity,
  details?: { text: string; markdown: string },
) {
  const title = meta?.title ?? id;
  const description = meta?.description ?? title;
  const helpUri = ruleHelpUri(id, meta);
  // Custom rules and policies come from the scanned repository: their text is shown, never rendered.
  const md = meta && findBuiltinRuleMeta(id) ? (value: string) => value : markdownText;
  const docs = helpUri ? [`[Rule documentation](${helpUri})`] : [];
  const markdown = meta
    ? [
        `**${md(meta.title)}**`,
        '',
        md(meta.description),
        ...(details?.markdown ? ['', details.markdown] : []),
        '',
        `**Why:** ${md(meta.rationale)}`,
        '',
        '**How to fix**',
        '',
        md(meta.fix),
        ...(docs.length ? ['', ...docs] : []),
      ].join('\n')
    : docs.join('\n') || md(description);
  const text = meta
    ? `${meta.description}${details?.text ? `\n\n${details.text}` : ''}\n\nWhy: ${meta.rationale}\n\nHow to fix: ${meta.fix}`
    : description;
  const tags = ['security', meta?.id.startsWith('DL') ? 'dockerfile' : 'kubernetes'];
  if (meta?.pss) tags.push(`pss-${meta.pss.level}`);
  return {
    id,
    ...(meta ? { name: meta.name } : {}),
    shortDescription: { text: title },
    fullDescription: { text: details?.text ? `${description}\n\n${details.text}` : description },
    help: { text, markdown },
    ...(helpUri ? { helpUri } : {}),
    defaultConfiguration: { level: LEVEL[severity] },
    properties: {
      'security-severity': SECURITY_SEVERITY[severity],
      precision: 'very-high',
      tags,
      ...(meta?.aliases.length ? { aliases: meta.aliases } : {}),
    },
  };
}

/** A scan error or warning as a SARIF notification, at its file (and line) when that is a
 *  repository path: not a live cluster's (`(cluster)`) or an absolute kubeconfig path. */
function sarifNotification(error: ScanError) {
  const inRepository = !error.file.startsWith('(') && !path.isAbsolute(error.file);
  return {
    level: error.level ?? 'error',
    message: { text: error.message },
    ...(inRepository
      ? {
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: encodeURI(error.file), uriBaseId: '%SRCROOT%' },
                ...(error.line ? { region: { startLine: error.line } } : {}),
              },
            },
          ],
        }
      : {}),
  };
}

function sarifResult(finding: Finding | SuppressedFinding, ruleIndex: number) {
  const region: { startLine: number; endLine?: number } = { startLine: finding.line };
  if (finding.endLine && finding.endLine > finding.line) region.endLine = finding.endLine;
  const properties: Record<string, unknown> = { severity: finding.severity };
  if (finding.status) properties.status = finding.status;
  if (finding.resource) properties.resource = finding.resource;
  if (finding.container) properties.container = finding.container;
  if (finding.chart) properties.chart = finding.chart;
  if (finding.valuesSet) properties.valuesSet = finding.valuesSet;
  if (finding.valuesSets) properties.valuesSets = finding.valuesSets;
  if (finding.overlay) properties.overlay = finding.overlay;
  if (finding.overlays) properties.overlays = finding.overlays;
  if (finding.rendered) properties.rendered = finding.rendered;
  if (finding.admission) properties.admission = finding.admission;
  if (finding.auditAnnotations) properties.auditAnnotations = finding.auditAnnotations;
  const suppressedBy = 'suppressedBy' in finding ? finding.suppressedBy : undefined;
  return {
    ruleId: finding.ruleId,
    ruleIndex,
    level: LEVEL[finding.severity],
    message: { text: finding.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: encodeURI(finding.file), uriBaseId: '%SRCROOT%' },
          region,
        },
      },
    ],
    partialFingerprints: { [FINGERPRINT_KEY]: finding.fingerprint },
    ...(suppressedBy
      ? {
          suppressions: [
            {
              // Annotations and hadolint pragmas sit in the scanned file itself.
              kind:
                suppressedBy.source === 'annotation' || suppressedBy.source === 'hadolint-pragma'
                  ? 'inSource'
                  : 'external',
              status: 'accepted',
              justification:
                suppressedBy.reason ??
                `${suppressedBy.source} entry in ${suppressedBy.file}${suppressedBy.line ? `:${suppressedBy.line}` : ''}`,
            },
          ],
        }
      : {}),
    properties,
  };
}
