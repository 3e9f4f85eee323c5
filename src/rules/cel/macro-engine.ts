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
