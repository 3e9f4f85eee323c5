// A runtime cost meter for CEL evaluation. The engine has no cost tracker of its own, so every AST node the
// evaluator runs costs 1 (each comprehension step runs its body through the same entry point) and functions
// whose work grows with their input charge that size. The API server's budgets are the model: 1,000,000 per
// expression call and 10,000,000 per object (policy-binding evaluation).
import { Environment } from '@marcbachmann/cel-js';

export const PER_EXPRESSION_COST_LIMIT = 1_000_000;
export const PER_OBJECT_COST_LIMIT = 10_000_000;

export class CostLimitError extends Error {
  constructor(readonly limit: number) {
    super(`operation cancelled: actual cost limit exceeded (limit ${limit})`);
  }
}

interface Meter {
  used: number;
  limit: number;
}
const meter: Meter = { used: 0, limit: Infinity };

/** Charges work that does not go through the evaluator's node loop (string scans, sorts). */
export function chargeCost(units: number): void {
  meter.used += units;
  if (meter.used > meter.limit) throw new CostLimitError(meter.limit);
}

/** Runs `evaluate` with at most `limit` units; returns the value and the cost spent. */
export function metered<T>(limit: number, evaluate: () => T): { value: T; cost: number } {
  const saved = { used: meter.used, limit: meter.limit };
  meter.used = 0;
  meter.limit = limit;
  try {
    const value = evaluate();
    return { value, cost: meter.used };
  } finally {
    meter.used = saved.used;
    meter.limit = saved.limit;
  }
}

interface EvaluatorLike {
  run(
    ast: { evaluate(ev: unknown, ast: unknown, ctx: unknown): unknown; op: string },
    ctx: unknown,
  ): unknown;
}

// The evaluator class is internal to the engine; a probe macro receives an instance, and the class's `run`
// (the one entry point for every node) is wrapped once per process.
let installed = false;
export function installCostMeter(): void {
  if (installed) return;
  let evaluator: EvaluatorLike | undefined;
  const probe = new Environment().registerFunction(
    '__costMeterProbe(ast): dyn',
    ({ args }: { args: unknown[] }) => ({
      arg: args[0],
      typeCheck: (
        checker: { check(a: unknown, c: unknown): unknown },
        macro: { arg: unknown },
        ctx: unknown,
      ) => checker.check(macro.arg, ctx),
      evaluate: (ev: EvaluatorLike) => {
        evaluator = ev;
        return 0n;
      },
    }),
  );
  probe.evaluate('__costMeterProbe(1)');
  let proto = evaluator && Object.getPrototypeOf(evaluator);
  while (proto && !Object.prototype.hasOwnProperty.call(proto, 'run'))
    proto = Object.getPrototypeOf(proto);
  if (!proto) throw new Error('CEL engine: cannot install the cost meter');
  proto.run = function run(
    this: unknown,
    ast: Parameters<EvaluatorLike['run']>[0],
    ctx: unknown,
  ): unknown {
    if (++meter.used > meter.limit) throw new CostLimitError(meter.limit);
    const value = ast.evaluate(this, ast, ctx);
    // Concatenation is the one operator whose result can double per node: charge its size.
    if (ast.op === '+' && (typeof value === 'string' || Array.isArray(value)) && value.length > 64)
      chargeCost(value.length >> 3);
    return value;
  };
  installed = true;
}
