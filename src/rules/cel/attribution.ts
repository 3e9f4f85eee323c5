// The line a human fixes: when an expression over `object` fails, the most specific path it can be
// attributed to. A top-level all()/exists() over a list of the object: the first failing element (or the
// list); a failing conjunct of a top-level &&: that conjunct; a comparison reading one field: that field;
// otherwise nothing (the caller uses the object's `kind:` line).
import type { Path } from '../../sources/resource.js';
import { isNode, type KubernetesCel, type Node } from './environment.js';

/** `object.a.b[0]` as ['a', 'b', 0]; undefined when the node is not a plain read of `root`. */
export function fieldPath(node: unknown, root: string): (string | number)[] | undefined {
  if (!isNode(node)) return undefined;
  if (node.op === 'id') return node.args === root ? [] : undefined;
  const args = node.args as unknown[];
  if ((node.op === '.' || node.op === '.?') && typeof args[1] === 'string') {
    const parent = fieldPath(args[0], root);
    return parent && [...parent, args[1]];
  }
  if ((node.op === '[]' || node.op === '[?]') && isNode(args[1]) && args[1].op === 'value') {
    const parent = fieldPath(args[0], root);
    const key = args[1].args;
    return (
      parent &&
      (typeof key === 'bigint'
        ? [...parent, Number(key)]
        : typeof key === 'string'
          ? [...parent, key]
          : undefined)
    );
  }
  return undefined;
}

/** Every maximal read of `root` in the tree (has() arguments included); [] when it is used whole. */
export function reads(node: unknown, root: string, into: (string | number)[][]): void {
  if (Array.isArray(node)) {
    for (const child of node) reads(child, root, into);
    return;
  }
  if (!isNode(node)) return;
  const path = fieldPath(node, root);
  if (path) {
    into.push(path);
    return;
  }
  if (node.args && typeof node.args === 'object')
    reads(Object.values(node.args as object), root, into);
}

const text = (expression: string, node: Node) => expression.slice(node.start, node.end);

export interface AttributionInput {
  cel: KubernetesCel;
  expression: string;
  ast: unknown;
  variables: Record<string, unknown>;
  /** The variable the object is bound to (`object`). */
  root: string;
  budget: number;
}

/** A path inside the object, or undefined for "the object itself". Never throws. */
export function attributeFailure(input: AttributionInput): Path | undefined {
  try {
    return attribute(input, input.ast);
  } catch {
    return undefined;
  }
}

function evaluates(input: AttributionInput, expression: string): unknown {
  return input.cel.compile(expression).evaluate(input.variables, input.budget).value;
}

function attribute(input: AttributionInput, node: unknown): Path | undefined {
  if (!isNode(node) || node.start === undefined || node.end === undefined) return undefined;
  const args = node.args as unknown[];
  if (node.op === '&&') {
    // The first conjunct that is not true is the one to fix.
    for (const side of args) {
      if (!isNode(side)) continue;
      let value: unknown;
      try {
        value = evaluates(input, text(input.expression, side));
      } catch {
        value = undefined;
      }
      if (value !== true) return attribute(input, side);
    }
    return undefined;
  }
  if (node.op === 'rcall' && (args[0] === 'all' || args[0] === 'exists')) {
    const receiver = fieldPath(args[1], input.root);
    const [variable, predicate] = args[2] as [Node, Node];
    if (receiver && isNode(variable) && variable.op === 'id' && isNode(predicate)) {
      if (args[0] === 'exists') return receiver;
      const listText = text(input.expression, args[1] as Node);
      const list = evaluates(input, listText);
      if (!Array.isArray(list)) return receiver;
      // Element by element, so that an element whose predicate errors is found too.
      const predicateText = text(input.expression, predicate);
      for (let i = 0; i < Math.min(list.length, 1000); i++) {
        let ok: unknown;
        try {
          ok = evaluates(
            input,
            `cel.bind(${String(variable.args)}, ${listText}[${i}], ${predicateText})`,
          );
        } catch {
          ok = undefined;
        }
        if (ok !== true) return [...receiver, i];
      }
      return receiver;
    }
  }
  const found: (string | number)[][] = [];
  reads(node, input.root, found);
  const distinct = new Set(found.map((p) => JSON.stringify(p)));
  if (distinct.size === 1) return found[0];
  return undefined;
}
