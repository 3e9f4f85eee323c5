// kubernetes.lists (isSorted, sum, min, max, indexOf, lastIndexOf; includes from 1.37), ext.Lists v3
// (lists.range, slice, flatten, distinct, reverse, sort) and ext.Sets (sets.contains/equivalent/intersects).
import type { Environment } from '@marcbachmann/cel-js';
import { celError } from './errors.js';
import { oneVariableMacro } from './macro-engine.js';
import { chargeCost } from './cost.js';

/** CEL equality: numbers compare across int/uint/double, lists and maps element-wise. */
export function celEquals(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (
    (typeof a === 'bigint' || typeof a === 'number') &&
    (typeof b === 'bigint' || typeof b === 'number')
  )
    return typeof a === typeof b
      ? a === b
      : Number(a) === Number(b) && Number.isInteger(Number(typeof a === 'number' ? a : b));
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((x, i) => celEquals(x, b[i]));
  if (isMap(a) && isMap(b)) {
    const ea = entries(a);
    const mb = new Map(entries(b));
    return ea.length === mb.size && ea.every(([k, v]) => mb.has(k) && celEquals(v, mb.get(k)));
  }
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  const d = a as { seconds?: unknown; nanos?: unknown };
  const e = b as { seconds?: unknown; nanos?: unknown };
  if (typeof d?.seconds === 'bigint' && typeof e?.seconds === 'bigint')
    return d.seconds === e.seconds && d.nanos === e.nanos;
  if (
    a &&
    b &&
    typeof a === 'object' &&
    typeof b === 'object' &&
    'equals' in a &&
    typeof a.equals === 'function'
  )
    return (a.equals as (o: unknown) => boolean)(b);
  return false;
}
const isMap = (v: unknown): v is object =>
  v instanceof Map ||
  (typeof v === 'object' &&
    v !== null &&
    !Array.isArray(v) &&
    (Object.getPrototypeOf(v) === Object.prototype || Object.getPrototypeOf(v) === null));
const entries = (v: object): [unknown, unknown][] =>
  v instanceof Map ? [...v] : Object.entries(v);

function compare(a: unknown, b: unknown): number {
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  if (
    (typeof a === 'bigint' || typeof a === 'number') &&
    (typeof b === 'bigint' || typeof b === 'number')
  )
    return a < b ? -1 : a > b ? 1 : 0;
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  if (a instanceof Date && b instanceof Date) return a.getTime() - b.getTime();
  if (a && typeof a === 'object' && 'compare' in a && typeof a.compare === 'function')
    return (a.compare as (o: unknown) => number)(b);
  throw celError(`no such overload: comparison of ${typeof a} and ${typeof b}`);
}

function checkComparable(list: unknown[]): void {
  chargeCost(list.length);
  const kind = (v: unknown) => (typeof v === 'bigint' ? 'int' : typeof v);
  if (list.some((v) => kind(v) !== kind(list[0])))
    throw celError('no such overload: list elements are not of one comparable type');
}

function sum(list: unknown[]): unknown {
  checkComparable(list);
  if (list.length === 0) return 0n;
  if (typeof list[0] === 'bigint') {
    const total = (list as bigint[]).reduce((a, b) => a + b, 0n);
    if (total > (1n << 63n) - 1n || total < -(1n << 63n)) throw celError('integer overflow');
    return total;
  }
  if (typeof list[0] === 'number') return (list as number[]).reduce((a, b) => a + b, 0);
  throw celError('no such overload: sum');
}

function extreme(list: unknown[], sign: number): unknown {
  checkComparable(list);
  if (list.length === 0) throw celError(`${sign < 0 ? 'min' : 'max'} called on empty list`);
  return list.reduce((best, v) => (compare(v, best) * sign > 0 ? v : best));
}

function flatten(list: unknown[], depth: bigint): unknown[] {
  if (depth < 0n) throw celError('level must be non-negative');
  chargeCost(list.length);
  const out: unknown[] = [];
  for (const v of list)
    if (Array.isArray(v) && depth > 0n) out.push(...flatten(v, depth - 1n));
    else out.push(v);
  return out;
}

/** lists.sortBy(e, key): a stable sort of the list by the key expression evaluated per element. */
const sortByMacro = oneVariableMacro(
  'sortBy',
  (listType) => listType,
  (list, keyOf) => {
    if (!Array.isArray(list)) throw celError('sortBy: the receiver must be a list');
    const keyed = list.map((value: unknown) => ({ value, key: keyOf(value) }));
    checkComparable(keyed.map((k) => k.key));
    return keyed.sort((a, b) => compare(a.key, b.key)).map((k) => k.value);
  },
);

export class ListsNamespace {}
export class SetsNamespace {}

export interface ListsOptions {
  kubernetesLists: boolean;
  includes: boolean;
  extLists: boolean;
  sets: boolean;
}

export function registerLists(env: Environment, options: ListsOptions): void {
  if (options.kubernetesLists)
    env
      .registerFunction('list.isSorted(): bool', (l: unknown[]) => {
        checkComparable(l);
        return l.every((v, i) => i === 0 || compare(l[i - 1], v) <= 0);
      })
      .registerFunction('list.sum(): dyn', sum)
      .registerFunction('list.min(): dyn', (l: unknown[]) => extreme(l, -1))
      .registerFunction('list.max(): dyn', (l: unknown[]) => extreme(l, 1))
      .registerFunction('list.indexOf(dyn): int', (l: unknown[], v: unknown) => {
        chargeCost(l.length);
        return BigInt(l.findIndex((x) => celEquals(x, v)));
      })
      .registerFunction('list.lastIndexOf(dyn): int', (l: unknown[], v: unknown) => {
        chargeCost(l.length);
        return BigInt(l.findLastIndex((x) => celEquals(x, v)));
      });
  if (options.includes)
    env.registerFunction('list.includes(dyn): bool', (l: unknown[], v: unknown) =>
      l.some((x) => celEquals(x, v)),
    );
  if (options.extLists)
    env
      .registerType('kubernetes.ListsNamespace', ListsNamespace)
      .registerConstant('lists', 'kubernetes.ListsNamespace', new ListsNamespace())
      .registerFunction(
        'kubernetes.ListsNamespace.range(int): list<int>',
        (_: unknown, n: bigint) => {
          chargeCost(Number(n));
          return Array.from({ length: Math.max(0, Number(n)) }, (_v, i) => BigInt(i));
        },
      )
      .registerFunction('list.slice(int, int): list', (l: unknown[], a: bigint, b: bigint) => {
        if (a < 0n || b < 0n)
          throw celError(`cannot slice(${a}, ${b}), negative indexes not supported`);
        if (a > b)
          throw celError(
            `cannot slice(${a}, ${b}), start index must be less than or equal to end index`,
          );
        if (b > BigInt(l.length))
          throw celError(`cannot slice(${a}, ${b}), list is length ${l.length}`);
        return l.slice(Number(a), Number(b));
      })
      .registerFunction('list.flatten(): list', (l: unknown[]) => flatten(l, 1n))
      .registerFunction('list.flatten(int): list', flatten)
      .registerFunction('list.distinct(): list', (l: unknown[]) => {
        chargeCost(l.length * l.length);
        return l.filter((v, i) => l.findIndex((x) => celEquals(x, v)) === i);
      })
      .registerFunction('list.reverse(): list', (l: unknown[]) => [...l].reverse())
      .registerFunction('list.sortBy(ast, ast): list', sortByMacro)
      .registerFunction('list.sort(): list', (l: unknown[]) => {
        checkComparable(l);
        return [...l].sort(compare);
      });
  if (options.sets) {
    const contains = (a: unknown[], b: unknown[]) => {
      chargeCost(a.length * b.length);
      return b.every((x) => a.some((y) => celEquals(x, y)));
    };
    env
      .registerType('kubernetes.SetsNamespace', SetsNamespace)
      .registerConstant('sets', 'kubernetes.SetsNamespace', new SetsNamespace())
      .registerFunction(
        'kubernetes.SetsNamespace.contains(list, list): bool',
        (_: unknown, a: unknown[], b: unknown[]) => contains(a, b),
      )
      .registerFunction(
        'kubernetes.SetsNamespace.equivalent(list, list): bool',
        (_: unknown, a: unknown[], b: unknown[]) => contains(a, b) && contains(b, a),
      )
      .registerFunction(
        'kubernetes.SetsNamespace.intersects(list, list): bool',
        (_: unknown, a: unknown[], b: unknown[]) => {
          chargeCost(a.length * b.length);
          return a.some((x) => b.some((y) => celEquals(x, y)));
        },
      );
  }
}
