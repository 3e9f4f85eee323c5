// The JSON report as untrusted input (`mode: report`): a fork's pull_request run produced it,
// so every field is checked for type, range and size before anything is posted. The gate is
// recomputed from the findings (report/untrusted.ts), never taken from the report's summary.
import { FAIL_ON_VALUES, SEVERITIES, type FailOn, type Finding, type ScanError } from '../model.js';

/** A finding and what accepted it, as the JSON report writes suppressed findings. */
export type SuppressedEntry = Finding & {
  suppressedBy: {
    source: 'policy' | 'trivyignore' | 'annotation' | 'hadolint-pragma' | 'hadolint-config';
    file: string;
    line?: number;
    reason?: string;
    expires?: string;
  };
};

/** What a report holds, checked; the gate is not taken from it. */
export interface UntrustedReport {
  findings: Finding[];
  suppressed: SuppressedEntry[];
  errors: ScanError[];
  fixed?: Finding[];
  failOn: FailOn;
}

/** More than any real repository has; keeps a hostile report from exhausting memory. */
const MAX_ITEMS = 20_000;
export const MAX_REPORT_BYTES = 64 * 1024 * 1024;
const MAX_STRING = 4096;

export class ReportError extends Error {}

type Json = Record<string, unknown>;

function fail(where: string, problem: string): never {
  throw new ReportError(`invalid report: ${where} ${problem}`);
}

function object(value: unknown, where: string): Json {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    fail(where, 'is not an object');
  }
  return value as Json;
}

function string(value: unknown, where: string, pattern?: RegExp): string {
  if (typeof value !== 'string' || value.length > MAX_STRING) {
    fail(where, `is not a string of at most ${MAX_STRING} characters`);
  }
  if (pattern && !pattern.test(value)) fail(where, `does not match ${pattern}`);
  return value;
}

function optionalString(value: unknown, where: string): string | undefined {
  return value === undefined ? undefined : string(value, where);
}

function positive(value: unknown, where: string): number {
  if (!Number.isSafeInteger(value) || (value as number) < 1) fail(where, 'is not a line number');
  return value as number;
}

function array(value: unknown, where: string): unknown[] {
  if (!Array.isArray(value) || value.length > MAX_ITEMS) {
    fail(where, `is not a list of at most ${MAX_ITEMS} entries`);
  }
  return value;
}

/**
 * A plain repository-relative path as the scan writes them: `/`-separated segments, none empty,
 * `.` or `..`; no leading `/`, no backslash, no drive letter, no control character.
 */
const REPO_PATH =
  // eslint-disable-next-line no-control-regex
  /^(?![A-Za-z]:)(?!.*(^|\/)\.{1,2}(\/|$))(?!.*\/\/)[^/\\\u0000-\u001f\u007f][^\\\u0000-\u001f\u007f]*(?<!\/)$/;
const RULE_ID = /^[A-Za-z0-9][\w.-]{0,63}$/;

function finding(value: unknown, where: string): Finding {
  const raw = object(value, where);
  const severity = string(raw.severity, `${where}.severity`);
  if (!(SEVERITIES as readonly string[]).includes(severity))
    fail(`${where}.severity`, 'is unknown');
  const result: Finding = {
    ruleId: string(raw.ruleId, `${where}.ruleId`, RULE_ID),
    aliases: array(raw.aliases ?? [], `${where}.aliases`).map((alias, i) =>
      string(alias, `${where}.aliases[${i}]`),
    ),
    severity: severity as Finding['severity'],
    title: string(raw.title, `${where}.title`),
    message: string(raw.message, `${where}.message`),
    file: string(raw.file, `${where}.file`, REPO_PATH),
    line: positive(raw.line, `${where}.line`),
    source: string(
      raw.source,
      `${where}.source`,
      /^(manifest|helm-template|helm-values|dockerfile|kustomize-base|kustomize-patch|kustomization)$/,
    ) as Finding['source'],
    fingerprint: string(raw.fingerprint, `${where}.fingerprint`, /^[\w:.-]{1,128}$/),
  };
  if (raw.endLine !== undefined) result.endLine = positive(raw.endLine, `${where}.endLine`);
  if (raw.status !== undefined) {
    result.status = string(raw.status, `${where}.status`, /^(new|existing)$/) as Finding['status'];
  }
  if (raw.resource !== undefined) {
    const resource = object(raw.resource, `${where}.resource`);
    result.resource = {
      apiVersion: string(resource.apiVersion, `${where}.resource.apiVersion`),
      kind: string(resource.kind, `${where}.resource.kind`),
      name: string(resource.name, `${where}.resource.name`),
    };
    const namespace = optionalString(resource.namespace, `${where}.resource.namespace`);
    if (namespace !== undefined) result.resource.namespace = namespace;
  }
  for (const key of ['container', 'chart', 'valuesSet', 'overlay'] as const) {
    const text = optionalString(raw[key], `${where}.${key}`);
    if (text !== undefined) result[key] = text;
  }
  if (raw.valuesSets !== undefined) {
    result.valuesSets = array(raw.valuesSets, `${where}.valuesSets`).map((set, i) =>
      string(set, `${where}.valuesSets[${i}]`),
    );
  }
  if (raw.overlays !== undefined) {
    result.overlays = array(raw.overlays, `${where}.overlays`).map((overlay, i) =>
      string(overlay, `${where}.overlays[${i}]`),
    );
  }
  if (raw.rendered !== undefined) {
    const rendered = object(raw.rendered, `${where}.rendered`);
    result.rendered = {
      file: string(rendered.file, `${where}.rendered.file`, REPO_PATH),
      line: positive(rendered.line, `${where}.rendered.line`),
    };
  }
  return result;
}

function suppressed(value: unknown, where: string): SuppressedEntry {
  const base = finding(value, where);
  const by = object((value as Json).suppressedBy, `${where}.suppressedBy`);
  const suppressedBy: SuppressedEntry['suppressedBy'] = {
    source: string(
      by.source,
      `${where}.suppressedBy.source`,
      /^(policy|trivyignore|annotation|hadolint-pragma|hadolint-config)$/,
    ) as SuppressedEntry['suppressedBy']['source'],
    file: string(by.file, `${where}.suppressedBy.file`),
  };
  if (by.line !== undefined) suppressedBy.line = positive(by.line, `${where}.suppressedBy.line`);
  const reason = optionalString(by.reason, `${where}.suppressedBy.reason`);
  if (reason !== undefined) suppressedBy.reason = reason;
  const expires = optionalString(by.expires, `${where}.suppressedBy.expires`);
  if (expires !== undefined) suppressedBy.expires = expires;
  return { ...base, suppressedBy };
}

function scanError(value: unknown, where: string): ScanError {
  const raw = object(value, where);
  const error: ScanError = {
    file: string(raw.file, `${where}.file`),
    message: string(raw.message, `${where}.message`),
  };
  if (raw.line !== undefined) error.line = positive(raw.line, `${where}.line`);
  if (raw.level !== undefined)
    error.level = string(raw.level, `${where}.level`, /^warning$/) as 'warning';
  return error;
}

/** Reads and checks a JSON report (`--format json` / the `json-file` input) of an untrusted run. */
export function parseUntrustedReport(text: string): UntrustedReport {
  if (text.length > MAX_REPORT_BYTES) fail('file', `is larger than ${MAX_REPORT_BYTES} bytes`);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    fail('file', `is not JSON (${(error as Error).message})`);
  }
  const report = object(data, 'report');
  if (report.version !== 1) fail('version', 'is not 1');
  const summary = object(report.summary, 'summary');
  const failOn = string(summary.failOn, 'summary.failOn');
  if (!(FAIL_ON_VALUES as readonly string[]).includes(failOn)) fail('summary.failOn', 'is unknown');
  const findings = array(report.findings, 'findings').map((f, i) => finding(f, `findings[${i}]`));
  const suppressedFindings = array(report.suppressed ?? [], 'suppressed').map((f, i) =>
    suppressed(f, `suppressed[${i}]`),
  );
  const errors = array(report.errors ?? [], 'errors').map((e, i) => scanError(e, `errors[${i}]`));
  const fixed =
    report.fixed === undefined
      ? undefined
      : array(report.fixed, 'fixed').map((f, i) => finding(f, `fixed[${i}]`));
  return {
    findings,
    suppressed: suppressedFindings,
    errors,
    ...(fixed ? { fixed } : {}),
    failOn: failOn as FailOn,
  };
}
