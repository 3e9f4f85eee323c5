// The comparison functions Kubernetes' CEL libraries give a type with a total order
// (kubernetes.Quantity, kubernetes.Semver): ==, isGreaterThan, isLessThan and compareTo.
import type { Environment } from '@marcbachmann/cel-js';

/** Registers the comparisons of `type`, all from one `compare` (negative, zero, positive). */
export function registerComparisons<T>(
  env: Environment,
  type: string,
  compare: (a: T, b: T) => number,
): Environment {
  return env
    .registerOperator(`${type} == ${type}`, (a: T, b: T) => compare(a, b) === 0)
    .registerFunction(`${type}.isGreaterThan(${type}): bool`, (a: T, b: T) => compare(a, b) > 0)
    .registerFunction(`${type}.isLessThan(${type}): bool`, (a: T, b: T) => compare(a, b) < 0)
    .registerFunction(`${type}.compareTo(${type}): int`, (a: T, b: T) => BigInt(compare(a, b)));
}
