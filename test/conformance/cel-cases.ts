// Reading and judging the CEL library-case corpus (shared by the conformance tests).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { corpusPath } from '../support/corpus.js';
import { kubernetesCel, CelError, formatCel } from '../../src/rules/cel/environment.js';
import { celEquals } from '../../src/rules/cel/lib-lists.js';
import { Quantity } from '../../src/rules/cel/lib-quantity.js';
import { parseIP, parseCIDR } from '../../src/rules/cel/lib-net.js';
import { Semver } from '../../src/rules/cel/lib-semver.js';

export const CEL_CORPUS = corpusPath('cel', 'library-cases');

/** JSON with integers as bigint (the corpus has int64 values beyond 2^53). */
export function parseJsonBig(text: string): unknown {
  return JSON.parse(text, (_key, value: unknown, context?: { source?: string }) =>
    typeof value === 'number' && context?.source && /^-?\d+$/.test(context.source)
      ? BigInt(context.source)
      : value,
  );
}

export function readCases<T>(file: string): T[] {
  return readFileSync(path.join(CEL_CORPUS, file), 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => parseJsonBig(line) as T);
}

export interface LibraryCase {
  id: string;
  library: string;
  expr: string;
  expect: {
    value?: { type: string; value: unknown };
    error?: { phase: 'compile' | 'runtime'; match: string; pattern?: string; patterns?: string[] };
  };
  k8s_new_expressions_from: string;
}

export const LATEST = '1.38';

function sameValue(type: string, expected: unknown, actual: unknown): boolean {
  switch (type) {
    case 'kubernetes.Quantity':
      return actual instanceof Quantity && Quantity.parse(expected as string).compare(actual) === 0;
    case 'net.IP':
      return parseIP(expected as string).equals(actual as never);
    case 'net.CIDR':
      return (
        String(parseCIDR(expected as string)) === String(actual) && String(actual) === expected
      );
    case 'kubernetes.Semver':
      return actual instanceof Semver && Semver.parse(expected as string).compare(actual) === 0;
    case 'optional_type': {
      const opt = actual as { hasValue?(): boolean; value(): unknown };
      if (typeof opt?.hasValue !== 'function') return false;
      if (expected === null) return !opt.hasValue();
      const inner = expected as { type: string; value: unknown };
      return opt.hasValue() && sameValue(inner.type, inner.value, opt.value());
    }
    case 'double':
      return typeof actual === 'number' && actual === Number(expected);
    default:
      return celEquals(typeof expected === 'number' ? BigInt(expected) : expected, actual);
  }
}

/** Undefined when the case passes, else why it does not. */
export function judgeLibraryCase(c: LibraryCase, version = LATEST): string | undefined {
  const cel = kubernetesCel(version, []);
  let value: unknown;
  try {
    value = cel.compile(c.expr).evaluate({}).value;
  } catch (error) {
    if (!(error instanceof CelError)) return `unexpected ${String(error)}`;
    const want = c.expect.error;
    if (!want) return `${error.phase} error: ${error.message}`;
    if (want.phase !== error.phase)
      return `${error.phase} error instead of ${want.phase}: ${error.message}`;
    if (
      want.match === 'regex' &&
      want.phase === 'runtime' &&
      !new RegExp(want.pattern!).test(error.message)
    )
      return `message ${JSON.stringify(error.message)} does not match /${want.pattern}/`;
    return undefined;
  }
  if (c.expect.error) return `value ${formatCel(value)} instead of an error`;
  const want = c.expect.value!;
  return sameValue(want.type, want.value, value)
    ? undefined
    : `value ${formatCel(value)} instead of ${JSON.stringify(want.value)}`;
}

export interface ExpressionCase {
  id: string;
  expr: string;
  expect: { value?: { type: string; value: unknown }; error?: { match: string; pattern: string } };
  uses_self: boolean;
  self?: unknown;
  oldSelf?: unknown;
  crd_schema_semantics?: string[];
  libraries: string[];
  cost_budget?: number;
}

/** Lines a ValidatingAdmissionPolicy evaluator can be judged on: no CRD-schema typing involved. */
export const schemaIndependent = (c: ExpressionCase) =>
  !c.uses_self || !c.crd_schema_semantics?.length;

/** Undefined when the case passes (true, or the expected error), else why not. */
export function judgeExpressionCase(c: ExpressionCase, version = LATEST): string | undefined {
  const cel = kubernetesCel(version, ['self', 'oldSelf']);
  // A transition rule is not evaluated when there is no old value (CREATE): it cannot fail.
  if (c.oldSelf === undefined && /\boldSelf\b/.test(c.expr))
    return c.expect.error ? 'transition rule skipped' : undefined;
  try {
    const compiled = cel.compile(c.expr);
    const { value } = compiled.evaluate(
      { self: c.self ?? null, oldSelf: c.oldSelf ?? null },
      c.cost_budget,
    );
    if (c.expect.error)
      return `value ${formatCel(value)} instead of an error containing ${JSON.stringify(c.expect.error.pattern)}`;
    return value === true ? undefined : `value ${formatCel(value)} instead of true`;
  } catch (error) {
    if (!(error instanceof CelError)) return `unexpected ${String(error)}`;
    if (!c.expect.error) return `${error.phase} error: ${error.message}`;
    return undefined;
  }
}
