// hadolint's own rule specs as data (the corpus's hadolint/, see its SOURCES.md), run through
// our rules the way hadolint's test harness runs them.
import { readFileSync } from 'node:fs';
import { parseDockerfile } from '../../src/sources/dockerfile.js';
import { loadShellParser } from '../../src/sources/shell.js';
import { dockerRules } from '../../src/rules/docker/index.js';
import { corpusPath } from '../support/corpus.js';

// parseDockerfile needs the shell parser; a scan loads it before its first Dockerfile.
await loadShellParser();

export interface HadolintCase {
  rule: string;
  dockerfile: string;
  expect: 'pass' | 'fail';
  count?: number;
  config?: {
    allowedRegistries?: string[];
    labelSchema?: Record<string, string>;
    strictLabels?: boolean;
  };
  source: string;
  it: string;
  onbuild?: boolean;
}

export function readCases(file: string): HadolintCase[] {
  return readFileSync(corpusPath('hadolint', file), 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as HadolintCase);
}

/** Rule options from a case's hadolint configuration. */
export function optionsFor(config: HadolintCase['config']): Record<string, unknown> {
  return {
    ...(config?.allowedRegistries ? { trustedRegistries: config.allowedRegistries } : {}),
    ...(config?.labelSchema ? { labelSchema: config.labelSchema } : {}),
    ...(config?.strictLabels !== undefined ? { strictLabels: config.strictLabels } : {}),
  };
}

/** Lines at which `rule` fires on the case's Dockerfile; `undefined` when we have no such rule. */
export function hitsFor(testCase: HadolintCase): number[] | undefined {
  const rule = dockerRules.find((candidate) => candidate.meta.id === testCase.rule);
  if (!rule) return undefined;
  const model = parseDockerfile(testCase.dockerfile, 'Dockerfile');
  const options = { ...(rule.defaultOptions as object), ...optionsFor(testCase.config) };
  return rule.check(model, options).map((violation) => violation.line);
}

/** Whether our result agrees with the spec's assertion. */
export function agrees(testCase: HadolintCase, hits: readonly number[]): boolean {
  if (testCase.count !== undefined) return hits.length === testCase.count;
  return testCase.expect === 'fail' ? hits.length > 0 : hits.length === 0;
}
