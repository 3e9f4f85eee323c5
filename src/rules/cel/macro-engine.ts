// What our macros use of cel-js's internals (its type checker, evaluation contexts and
// evaluator), written down once for every library that adds a macro. The engine is pinned to an
// exact version (package.json) because these are not its public API.
import { celError } from './errors.js';

export interface MacroChecker {
  check(node: unknown, ctx: unknown): unknown;
  getType(name: string): unknown;
}

export interface MacroContext {
  forkWithVariable(name: string, type: unknown): MacroContext;
  reuse(parent: unknown): MacroContext;
  setIterValue(value: unknown, ev: unknown): MacroContext;
}

export interface MacroEvaluator {
  run(node: unknown, ctx: unknown): unknown;
}

/** The name of a macro's variable argument, which CEL requires to be a plain identifier. */
export function macroVariable(node: unknown, message: string): string {
  const n = node as { op?: string; args?: unknown };
  if (n.op !== 'id' || typeof n.args !== 'string') throw celError(message);
  return n.args;
}

/**
 * A macro `receiver.method(x, expression)` (lists.sortBy, optional.optMap and optFlatMap): the
 * expression is type-checked once with `x` as dyn, and `evaluate` gets the receiver's value and
 * a function that runs the expression with `x` bound to a value it chooses.
 */
export function oneVariableMacro(
  method: string,
  resultType: (receiverType: unknown, checker: MacroChecker) => unknown,
  evaluate: (receiver: unknown, expression: (value: unknown) => unknown) => unknown,
) {
  interface Macro {
    receiver: unknown;
    variable: string;
    expression: unknown;
    inner?: MacroContext;
  }
  return ({ args, receiver }: { args: unknown[]; receiver: unknown }) => ({
    receiver,
    variable: macroVariable(args[0], `${method}: the variable must be an identifier`),
    expression: args[1],
    inner: undefined as MacroContext | undefined,
    typeCheck(checker: MacroChecker, m: Macro, ctx: MacroContext) {
      const receiverType = checker.check(m.receiver, ctx);
      m.inner = ctx.forkWithVariable(m.variable, checker.getType('dyn'));
      checker.check(m.expression, m.inner);
      return resultType(receiverType, checker);
    },
    evaluate(ev: MacroEvaluator, m: Macro, ctx: unknown) {
      return evaluate(ev.run(m.receiver, ctx), (value) =>
        ev.run(m.expression, m.inner!.reuse(ctx).setIterValue(value, ev)),
      );
    },
  });
}
