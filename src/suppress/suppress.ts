// The suppress stage: drops accepted findings, keeps each in the report with the entry that
// accepted it, and warns about entries that expired or no longer match anything.
import type { Finding, ScanError } from '../model.js';
import {
  describeException,
  isExpired,
  matches,
  type Exception,
  type SuppressedBy,
} from './exception.js';

export type SuppressedFinding = Finding & { suppressedBy: SuppressedBy };

export interface Suppression {
  findings: Finding[];
  suppressed: SuppressedFinding[];
  warnings: ScanError[];
}

export function suppressFindings(
  findings: readonly Finding[],
  exceptions: readonly Exception[],
  now: Date,
): Suppression {
  const used = new Set<Exception>();
  const expiredHits = new Set<Exception>();
  const result: Suppression = { findings: [], suppressed: [], warnings: [] };
  const index = new ExceptionIndex(exceptions);
  for (const finding of findings) {
    let by: Exception | undefined;
    for (const exception of index.candidates(finding)) {
      if (!matches(exception, finding)) continue;
      if (isExpired(exception, now)) {
        expiredHits.add(exception);
        continue;
      }
      used.add(exception);
      by = exception;
      break;
    }
    if (!by) {
      result.findings.push(finding);
      continue;
    }
    const suppressedBy: SuppressedBy = { source: by.source, file: by.file };
    if (by.line) suppressedBy.line = by.line;
    if (by.reason) suppressedBy.reason = by.reason;
    if (by.expires) suppressedBy.expires = by.expires;
    result.suppressed.push({ ...finding, suppressedBy });
  }
  for (const exception of exceptions) {
    const where = { file: exception.file, ...(exception.line ? { line: exception.line } : {}) };
    if (isExpired(exception, now)) {
      const hits = expiredHits.has(exception)
        ? 'it no longer suppresses the findings it matches'
        : 'it matches nothing';
      result.warnings.push({
        ...where,
        level: 'warning',
        message: `exception ${describeException(exception)} expired on ${exception.expires}; ${hits}: remove it or extend it`,
      });
    } else if (!used.has(exception)) {
      result.warnings.push({
        ...where,
        level: 'warning',
        message: `exception ${describeException(exception)} matched no finding: remove it`,
      });
    }
  }
  return result;
}

/**
 * The entries that can match a finding, in the order they were given (the first that matches
 * wins). An annotation names one resource and a pragma one file, and a large repository has
 * thousands of them: looked up by the finding's resource and file, not each tried on every
 * finding (findings x entries).
 */
class ExceptionIndex {
  private readonly everywhere: number[] = [];
  /** The entries that name no resource or file, for most findings as they are. */
  private readonly everywhereEntries: Exception[];
  private readonly byResource = new Map<string, number[]>();
  private readonly byFile = new Map<string, number[]>();

  constructor(private readonly exceptions: readonly Exception[]) {
    exceptions.forEach((exception, at) => {
      const { resource, lines } = exception;
      if (resource) push(this.byResource, resourceKey(resource), at);
      else if (lines) push(this.byFile, lines.file, at);
      else this.everywhere.push(at);
    });
    this.everywhereEntries = this.everywhere.map((at) => exceptions[at]);
  }

  candidates(finding: Finding): Exception[] {
    const forResource = finding.resource && this.byResource.get(resourceKey(finding.resource));
    const forFile = this.byFile.get(finding.file);
    if (!forResource && !forFile) return this.everywhereEntries;
    const order = [...this.everywhere, ...(forResource ?? []), ...(forFile ?? [])];
    return order.sort((a, b) => a - b).map((at) => this.exceptions[at]);
  }
}

function resourceKey(resource: { kind: string; name: string; namespace?: string }): string {
  return `${resource.namespace ?? ''}\0${resource.kind}\0${resource.name}`;
}

function push(map: Map<string, number[]>, key: string, at: number): void {
  const list = map.get(key);
  if (list) list.push(at);
  else map.set(key, [at]);
}
