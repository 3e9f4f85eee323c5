// Helpers for Dockerfile rule unit tests: a rule run on Dockerfile text, the way the engine runs it.
import { parseDockerfile } from '../../src/sources/dockerfile.js';
import { loadShellParser } from '../../src/sources/shell.js';
import type { DockerRule, DockerViolation } from '../../src/rules/types.js';

// parseDockerfile needs the shell parser; a scan loads it before its first Dockerfile.
await loadShellParser();

export function runDockerRule(
  rule: DockerRule,
  text: string,
  options?: unknown,
): DockerViolation[] {
  const merged = { ...(rule.defaultOptions as object), ...(options as object) };
  return rule.check(parseDockerfile(text, 'Dockerfile'), merged);
}

/** Lines of the violations. */
export function dockerLines(rule: DockerRule, text: string, options?: unknown): number[] {
  return runDockerRule(rule, text, options).map((violation) => violation.line);
}
