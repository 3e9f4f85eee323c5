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
  for (const finding of findings) {
    let by: Exception | undefined;
    for (const exception of exceptions) {
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
