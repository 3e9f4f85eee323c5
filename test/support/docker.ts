// Helpers for Dockerfile rule unit tests: a rule run on Dockerfile text, the way the engine runs it.
import { parseDockerfile } from '../../src/sources/dockerfile.js';
import type { DockerRule, DockerViolation } from '../../src/rules/types.js';

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
