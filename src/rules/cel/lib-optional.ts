// The optional-type functions the engine lacks: equality of optionals, optional.ofNonZeroValue,
// optMap and optFlatMap (macros binding the wrapped value).
import { Optional, type Environment } from '@marcbachmann/cel-js';
import { celEquals } from './lib-lists.js';
import { celError } from './errors.js';
import { macroVariable, type MacroContext } from './macro-engine.js';

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

type Ctx = MacroContext;

function optionalMacro(flat: boolean) {
  return ({ args, receiver }: { args: unknown[]; receiver: unknown }) => {
    return {
      receiver,
      name: macroVariable(args[0], 'optMap: the variable must be an identifier'),
      body: args[1],
      inner: undefined as Ctx | undefined,
      typeCheck(
        checker: { check(n: unknown, c: unknown): unknown; getType(n: string): unknown },
        m: { receiver: unknown; name: string; body: unknown; inner?: Ctx },
        ctx: Ctx,
      ) {
        checker.check(m.receiver, ctx);
        m.inner = ctx.forkWithVariable(m.name, checker.getType('dyn'));
        checker.check(m.body, m.inner);
        return checker.getType('optional<dyn>');
      },
      evaluate(
        ev: { run(n: unknown, c: unknown): unknown },
        m: { receiver: unknown; body: unknown; inner?: Ctx },
        ctx: unknown,
      ) {
        const opt = ev.run(m.receiver, ctx);
        if (!(opt instanceof Optional)) throw celError('optMap: the receiver must be optional');
        if (!opt.hasValue()) return Optional.none();
        const result = ev.run(m.body, m.inner!.reuse(ctx).setIterValue(opt.value(), ev));
        if (!flat) return Optional.of(result);
        if (!(result instanceof Optional))
          throw celError('optFlatMap: the expression must return an optional');
        return result;
      },
    };
  };
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
