// ext.TwoVarComprehensions: all/exists/existsOne(i, v, predicate), transformList, transformMap and
// transformMapEntry over lists (index, element) and maps (key, value), as engine macros.
import type { Environment } from '@marcbachmann/cel-js';
import { celError } from './errors.js';
import {
  macroVariable,
  type MacroChecker,
  type MacroContext,
  type MacroEvaluator,
} from './macro-engine.js';

type Checker = MacroChecker;
type Ctx = MacroContext;
type Evaluator = MacroEvaluator;
interface Macro {
  receiver: unknown;
  first: string;
  second: string;
  filter?: unknown;
  body: unknown;
  firstCtx?: Ctx;
  secondCtx?: Ctx;
}

function identifier(node: unknown): string {
  return macroVariable(node, 'the iteration variables must be simple identifiers');
}

function pairs(value: unknown): [unknown, unknown][] {
  if (Array.isArray(value)) return value.map((v, i) => [BigInt(i), v]);
  if (value instanceof Map) return [...value];
  if (value && typeof value === 'object') return Object.entries(value);
  throw celError('comprehension over a value that is neither a list nor a map');
}

type Fold = (ev: Evaluator, m: Macro, ctx: unknown) => unknown;

function define(
  env: Environment,
  receiverKinds: string[],
  name: string,
  arity: number,
  returns: string,
  fold: Fold,
): void {
  for (const receiver of receiverKinds)
    env.registerFunction(
      `${receiver}.${name}(${Array(arity).fill('ast').join(', ')}): ${returns}`,
      ({ args, receiver: recv }: { args: unknown[]; receiver: unknown }) => {
        const macro: Macro & { typeCheck: unknown; evaluate: unknown } = {
          receiver: recv,
          first: identifier(args[0]),
          second: identifier(args[1]),
          filter: arity === 4 ? args[2] : undefined,
          body: args[arity - 1],
          typeCheck(checker: Checker, m: Macro, ctx: Ctx) {
            checker.check(m.receiver, ctx);
            m.firstCtx = ctx.forkWithVariable(m.first, checker.getType('dyn'));
            m.secondCtx = m.firstCtx.forkWithVariable(m.second, checker.getType('dyn'));
            if (m.filter) checker.check(m.filter, m.secondCtx);
            checker.check(m.body, m.secondCtx);
            return checker.getType(returns);
          },
          evaluate: fold,
        };
        return macro;
      },
    );
}

function* steps(ev: Evaluator, m: Macro, ctx: unknown): Generator<[unknown, unknown, Ctx]> {
  for (const [k, v] of pairs(ev.run(m.receiver, ctx))) {
    const first = m.firstCtx!.reuse(ctx).setIterValue(k, ev);
    yield [k, v, m.secondCtx!.reuse(first).setIterValue(v, ev)];
  }
}

function quantifier(stopOn: boolean): Fold {
  return (ev, m, ctx) => {
    let error: unknown;
    for (const [, , inner] of steps(ev, m, ctx)) {
      try {
        const result = ev.run(m.body, inner);
        if (typeof result !== 'boolean') throw celError('predicate must return bool');
        if (result === stopOn) return stopOn;
      } catch (e) {
        error ??= e;
      }
    }
    if (error) throw error;
    return !stopOn;
  };
}

const passes = (ev: Evaluator, m: Macro, inner: Ctx) =>
  !m.filter || ev.run(m.filter, inner) === true;

export function registerTwoVarComprehensions(env: Environment): void {
  const both = ['list', 'map'];
  define(env, both, 'all', 3, 'bool', quantifier(false));
  define(env, both, 'exists', 3, 'bool', quantifier(true));
  const existsOne: Fold = (ev, m, ctx) => {
    let count = 0;
    for (const [, , inner] of steps(ev, m, ctx)) if (ev.run(m.body, inner) === true) count++;
    return count === 1;
  };
  define(env, both, 'existsOne', 3, 'bool', existsOne);
  define(env, both, 'exists_one', 3, 'bool', existsOne);
  const transformList: Fold = (ev, m, ctx) => {
    const out: unknown[] = [];
    for (const [, , inner] of steps(ev, m, ctx))
      if (passes(ev, m, inner)) out.push(ev.run(m.body, inner));
    return out;
  };
  define(env, both, 'transformList', 3, 'list', transformList);
  define(env, both, 'transformList', 4, 'list', transformList);
  const transformMap: Fold = (ev, m, ctx) => {
    const out = new Map<unknown, unknown>();
    for (const [k, , inner] of steps(ev, m, ctx))
      if (passes(ev, m, inner)) out.set(k, ev.run(m.body, inner));
    return out;
  };
  define(env, both, 'transformMap', 3, 'map', transformMap);
  define(env, both, 'transformMap', 4, 'map', transformMap);
  const transformMapEntry: Fold = (ev, m, ctx) => {
    const out = new Map<unknown, unknown>();
    for (const [, , inner] of steps(ev, m, ctx)) {
      if (!passes(ev, m, inner)) continue;
      const entry = ev.run(m.body, inner);
      for (const [k, v] of pairs(entry)) {
        if (out.has(k)) throw celError(`insert failed: key ${String(k)} already exists`);
        out.set(k, v);
      }
    }
    return out;
  };
  define(env, both, 'transformMapEntry', 3, 'map', transformMapEntry);
  define(env, both, 'transformMapEntry', 4, 'map', transformMapEntry);
}
