// Configuration problems: collected, not thrown one by one, so a user sees every mistake in a
// policy file at once, each as `file:line: key: message`.

export interface ConfigProblem {
  file: string;
  line?: number;
  /** 1-based, when the problem is inside a value (a CEL expression). */
  column?: number;
  key?: string;
  message: string;
}

export class ConfigError extends Error {
  readonly problems: ConfigProblem[];
  constructor(problems: ConfigProblem[]) {
    // In file order, as a user reads them.
    const sorted = [...problems].sort(
      (a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0),
    );
    super(sorted.map(formatProblem).join('\n'));
    this.name = 'ConfigError';
    this.problems = sorted;
  }
}

export function formatProblem(problem: ConfigProblem): string {
  const where = problem.line
    ? `${problem.file}:${problem.line}${problem.column ? `:${problem.column}` : ''}`
    : problem.file;
  return problem.key
    ? `${where}: ${problem.key}: ${problem.message}`
    : `${where}: ${problem.message}`;
}
