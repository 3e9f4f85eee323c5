// Trivy's ignore files, read as Trivy reads them so existing files work unchanged:
// `.trivyignore` (an ID a line, `#` comments, `exp:YYYY-MM-DD`) and `.trivyignore.yaml`
// (`misconfigurations:` entries with `id`, `paths`, `expired_at`, `statement`). Entries for
// what we don't check (CVEs, secrets, other scanners' IDs) are left alone, not reported.
import { isMap, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import { findRuleMeta } from '../rules/index.js';
import type { Exception } from './exception.js';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A mistake in an ignore file, `file:line: key: message` once the loader reports it. */
export interface ConfigProblem {
  file: string;
  line?: number;
  key?: string;
  message: string;
}

/** An ignore file with mistakes: the policy loader turns it into a configuration error. */
export class IgnoreFileError extends Error {
  override name = 'IgnoreFileError';
  constructor(readonly problems: ConfigProblem[]) {
    super(problems.map((problem) => `${problem.file}: ${problem.message}`).join('\n'));
  }
}

/** A real calendar date written `YYYY-MM-DD` (not 2026-02-30). */
export function isValidDate(text: string): boolean {
  const date = new Date(`${text}T00:00:00Z`);
  return (
    DATE.test(text) && !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text
  );
}

export function parseTrivyIgnore(text: string, file: string): Exception[] {
  const exceptions: Exception[] = [];
  const problems: ConfigProblem[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.replace(/#.*$/, '').trim();
    if (!line) return;
    const [id, ...attributes] = line.split(/\s+/);
    const meta = findRuleMeta(id);
    if (!meta) return;
    const exception: Exception = {
      source: 'trivyignore',
      file,
      line: index + 1,
      written: id,
      ruleIds: new Set([meta.id]),
    };
    for (const attribute of attributes) {
      const [key, value] = attribute.split(/:(.*)/);
      if (key !== 'exp') continue;
      if (!isValidDate(value ?? '')) {
        problems.push({
          file,
          line: index + 1,
          key: 'exp',
          message: `'${value}' is not a date (YYYY-MM-DD)`,
        });
      } else {
        exception.expires = value;
      }
    }
    exceptions.push(exception);
  });
  if (problems.length) throw new IgnoreFileError(problems);
  return exceptions;
}

export function parseTrivyIgnoreYaml(text: string, file: string): Exception[] {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, logLevel: 'error', prettyErrors: false });
  const lineOf = (node: unknown) => {
    const offset = (node as Node | null)?.range?.[0];
    return offset === undefined ? undefined : lineCounter.linePos(offset).line;
  };
  if (doc.errors.length) {
    const error = doc.errors[0];
    throw new IgnoreFileError([
      {
        file,
        line: lineOf({ range: error.pos }),
        message: error.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, ''),
      },
    ]);
  }
  const problems: ConfigProblem[] = [];
  const exceptions: Exception[] = [];
  const root = doc.contents;
  const section = isMap(root) ? root.get('misconfigurations', true) : undefined;
  if (section === undefined || section === null) return [];
  if (!isSeq(section)) {
    throw new IgnoreFileError([
      {
        file,
        line: lineOf(section),
        key: 'misconfigurations',
        message: 'must be a list of entries',
      },
    ]);
  }
  for (const item of section.items) {
    const entry = (item as Node).toJSON() as Record<string, unknown> | null;
    const line = lineOf(item);
    if (!entry || typeof entry !== 'object' || Array.isArray(entry)) {
      problems.push({
        file,
        line,
        key: 'misconfigurations',
        message: 'each entry must be a mapping (id, paths, expired_at, statement)',
      });
      continue;
    }
    const id = entry.id === undefined ? undefined : String(entry.id);
    const meta = id === undefined ? undefined : findRuleMeta(id);
    if (id !== undefined && !meta) continue; // another scanner's check
    const exception: Exception = { source: 'trivyignore', file, line, written: id ?? '*' };
    if (meta) exception.ruleIds = new Set([meta.id]);
    if (entry.paths !== undefined) {
      if (!Array.isArray(entry.paths) || !entry.paths.every((p) => typeof p === 'string')) {
        problems.push({ file, line, key: 'paths', message: 'must be a list of path globs' });
        continue;
      }
      exception.paths = entry.paths;
    }
    if (entry.expired_at !== undefined) {
      const date = String(entry.expired_at);
      if (!isValidDate(date)) {
        problems.push({
          file,
          line,
          key: 'expired_at',
          message: `'${date}' is not a date (YYYY-MM-DD)`,
        });
        continue;
      }
      exception.expires = date;
    }
    if (typeof entry.statement === 'string') exception.reason = entry.statement;
    exceptions.push(exception);
  }
  if (problems.length) throw new IgnoreFileError(problems);
  return exceptions;
}
