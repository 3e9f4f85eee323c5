// The optional-type functions the engine lacks: equality of optionals, optional.ofNonZeroValue,
// optMap and optFlatMap (macros binding the wrapped value).
import { Optional, type Environment } from '@marcbachmann/cel-js';
import { celEquals } from './lib-lists.js';
import { celError } from './errors.js';
import { oneVariableMacro } from './macro-engine.js';

const ZERO_TIME = new Date('0001-01-01T00:00:00Z').getTime();

function isZero(value: unknown): boolean {
  if (
    value === null ||
    value === undefined ||
    value === false ||
    value === '' ||
    value === 0n ||
    value === 0
  )
    return true;
  if (Array.isArray(value)) return value.length === 0;
  if (value instanceof Uint8Array) return value.length === 0;
  if (value instanceof Map) return value.size === 0;
  if (value instanceof Date) return value.getTime() === ZERO_TIME;
  if (typeof value === 'object') {
    const proto = Object.getPrototypeOf(value) as unknown;
    if (proto === null || proto === Object.prototype) return Object.keys(value).length === 0;
    if ('value' in value && typeof value.value === 'bigint') return value.value === 0n; // uint
    const d = value as { seconds?: unknown; nanos?: unknown };
    if (typeof d.seconds === 'bigint' && 'nanos' in d) return d.seconds === 0n && !d.nanos;
  }
  return false;
}

/** optMap(x, e): the optional of e with x bound to the value; optFlatMap: e is an optional. */
function optionalMacro(flat: boolean) {
  const method = flat ? 'optFlatMap' : 'optMap';
  return oneVariableMacro(
    method,
    (_receiverType, checker) => checker.getType('optional<dyn>'),
    (opt, expression) => {
      if (!(opt instanceof Optional)) throw celError(`${method}: the receiver must be optional`);
      if (!opt.hasValue()) return Optional.none();
      const result = expression(opt.value());
      if (!flat) return Optional.of(result);
      if (!(result instanceof Optional))
        throw celError('optFlatMap: the expression must return an optional');
      return result;
    },
  );
}

export function registerOptional(env: Environment): void {
  env
    .registerOperator(
      'optional<dyn> == optional<dyn>',
      (a: Optional, b: Optional) =>
        a.hasValue() === b.hasValue() && (!a.hasValue() || celEquals(a.value(), b.value())),
    )
    .registerFunction(
      'OptionalNamespace.ofNonZeroValue(dyn): optional<dyn>',
      (_: unknown, v: unknown) => (isZero(v) ? Optional.none() : Optional.of(v)),
    )
    .registerFunction('optional.optMap(ast, ast): optional<dyn>', optionalMacro(false))
    .registerFunction('optional.optFlatMap(ast, ast): optional<dyn>', optionalMacro(true));
}
