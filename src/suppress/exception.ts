// An accepted finding, from wherever the user wrote it: the policy file's `ignore`, a
// .trivyignore(.yaml), a resource annotation, a hadolint pragma or .hadolint.yaml. All of them
// are matched, expired and reported the same way.
import { Minimatch } from 'minimatch';
import type { Finding } from '../model.js';

export type ExceptionSource =
  'policy' | 'trivyignore' | 'annotation' | 'hadolint-pragma' | 'hadolint-config';

export interface Exception {
  source: ExceptionSource;
  /** Where the entry is written, repository-relative. */
  file: string;
  line?: number;
  /** The IDs as written, for messages (`KSV017`, `*`). */
  written: string;
  /** Canonical rule IDs it applies to; undefined means every rule. */
  ruleIds?: ReadonlySet<string>;
  /** Globs over the finding's file (or, for Helm output, its template). */
  paths?: readonly string[];
  /** Globs over `Kind/name` or `namespace/Kind/name`. */
  resources?: readonly string[];
  containers?: readonly string[];
  charts?: readonly string[];
  valuesSets?: readonly string[];
  /** Exactly where an annotation was read, literally (a file name is not a glob: a directory
   *  named `*` must not reach its siblings): its file, or its chart and values set. */
  origin?: { file: string } | { chart: string; valuesSet: string };
  /** Exactly this resource (annotations name the resource they sit on). */
  resource?: { kind: string; name: string; namespace?: string };
  /** Exactly these lines of this file (a pragma covers the instruction after it). */
  lines?: { file: string; from: number; to: number };
  /** `YYYY-MM-DD`: the entry stops suppressing at the start of that day (UTC), as Trivy's `exp:`. */
  expires?: string;
  reason?: string;
}

/** How a suppressed finding records what suppressed it. */
export interface SuppressedBy {
  source: ExceptionSource;
  file: string;
  line?: number;
  reason?: string;
  expires?: string;
}

export function isExpired(exception: Exception, now: Date): boolean {
  return (
    exception.expires !== undefined && now.getTime() >= Date.parse(`${exception.expires}T00:00:00Z`)
  );
}

/** Each pattern compiled once: matching a big scan's findings against the same few entries
 *  would otherwise parse every glob again for every finding. */
const compiled = new Map<string, Minimatch>();

function compiledGlob(pattern: string): Minimatch {
  let matcher = compiled.get(pattern);
  if (!matcher) {
    matcher = new Minimatch(pattern, { dot: true });
    compiled.set(pattern, matcher);
  }
  return matcher;
}

const glob = (value: string, patterns: readonly string[]) =>
  patterns.some((pattern) => compiledGlob(pattern).match(value));

function resourceNames(finding: Finding): string[] {
  const { resource } = finding;
  if (!resource) return [];
  const namespace = resource.namespace ?? 'default';
  return [`${resource.kind}/${resource.name}`, `${namespace}/${resource.kind}/${resource.name}`];
}

/** Whether the entry covers the finding (expiry aside). */
export function matches(exception: Exception, finding: Finding): boolean {
  const { ruleIds, paths, resources, containers, charts, valuesSets, resource, lines, origin } =
    exception;
  if (ruleIds && !ruleIds.has(finding.ruleId)) return false;
  const files = finding.rendered ? [finding.file, finding.rendered.file] : [finding.file];
  if (paths && !files.some((file) => glob(file, paths))) return false;
  if (resources && !resourceNames(finding).some((name) => glob(name, resources))) return false;
  if (containers && !(finding.container && glob(finding.container, containers))) return false;
  if (charts && !(finding.chart && glob(finding.chart, charts))) return false;
  if (valuesSets && !(finding.valuesSet && glob(finding.valuesSet, valuesSets))) return false;
  if (origin && 'file' in origin && !files.includes(origin.file)) return false;
  if (origin && 'chart' in origin) {
    if (finding.chart !== origin.chart || (finding.valuesSet ?? '') !== origin.valuesSet)
      return false;
  }
  if (resource) {
    const r = finding.resource;
    if (!r || r.kind !== resource.kind || r.name !== resource.name) return false;
    if ((r.namespace ?? '') !== (resource.namespace ?? '')) return false;
  }
  if (lines) {
    if (finding.file !== lines.file || finding.line < lines.from || finding.line > lines.to)
      return false;
  }
  return true;
}

export function describeException(exception: Exception): string {
  const where = exception.line ? `${exception.file}:${exception.line}` : exception.file;
  return `${where} (${exception.written})`;
}
