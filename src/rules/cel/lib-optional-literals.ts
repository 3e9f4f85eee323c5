// Optional entries of list and map literals (`[a, ?b]`, `{?'k': v}`), which cel-js's parser has no syntax
// for. Each such `?` is replaced by `!` (same length, so every position in the expression stays right), the
// text is parsed, and the literal's AST is rewritten into calls that include an entry only when its
// optional value is present: `[a, ?b, c]` becomes `[a] + kpgOptionalListEntry(b) + [c]`, and
// `{k1: v1, ?k2: v2}` folds its entries with kpgMapEntry / kpgOptionalMapEntry. The AST surgery uses
// cel-js's node class through a node the parser made (macro-engine.ts lists such internals).
import type { Environment, Optional } from '@marcbachmann/cel-js';
import { celError } from './errors.js';

/** The expression with optional-entry markers as `!`, and their offsets; undefined when it has none. */
export function markOptionalEntries(
  expression: string,
): { text: string; markers: Set<number> } | undefined {
  type Open = 'list' | 'index' | 'map' | 'struct' | 'paren';
  const stack: Open[] = [];
  // What the last significant token was: the start of a literal, a comma, the end of a value, other.
  let previous: 'open' | 'comma' | 'value' | 'other' = 'other';
  const markers = new Set<number>();
  let i = 0;
  while (i < expression.length) {
    const c = expression[i]!;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (c === '/' && expression[i + 1] === '/') {
      const end = expression.indexOf('\n', i);
      i = end < 0 ? expression.length : end;
      continue;
    }
    const literal = /^(?:[rR][bB]?|[bB][rR]?)?('''|"""|'|")/.exec(expression.slice(i, i + 5));
    if (literal) {
      const raw = /[rR]/.test(literal[0].slice(0, -literal[1]!.length));
      const quote = literal[1]!;
      let j = i + literal[0].length;
      while (j < expression.length && !expression.startsWith(quote, j))
        j += !raw && expression[j] === '\\' ? 2 : 1;
      i = j + quote.length;
      previous = 'value';
      continue;
    }
    const word = /^[A-Za-z_][A-Za-z0-9_]*|^\d[\w.]*/.exec(expression.slice(i));
    if (word) {
      i += word[0].length;
      previous = word[0] === 'in' ? 'other' : 'value';
      continue;
    }
    if (c === '[' || c === '{' || c === '(') {
      const afterValue = previous === 'value';
      stack.push(
        c === '('
          ? 'paren'
          : c === '['
            ? afterValue
              ? 'index'
              : 'list'
            : afterValue
              ? 'struct'
              : 'map',
      );
      previous = c === '(' ? 'other' : 'open';
    } else if (c === ']' || c === '}' || c === ')') {
      stack.pop();
      previous = 'value';
    } else if (c === ',') previous = 'comma';
    else if (c === '?') {
      const top = stack[stack.length - 1];
      if ((previous === 'open' || previous === 'comma') && (top === 'list' || top === 'map'))
        markers.add(i);
      previous = 'other';
    } else previous = 'other';
    i++;
  }
  if (!markers.size) return undefined;
  let text = '';
  for (let k = 0; k < expression.length; k++) text += markers.has(k) ? '!' : expression[k];
  return { text, markers };
}

interface Node {
  op: string;
  args: unknown;
  start: number;
  meta: unknown;
  clone(op: unknown, args: unknown): Node;
}
const isNode = (value: unknown): value is Node =>
  typeof value === 'object' && value !== null && 'op' in value && 'meta' in value;

/** cel-js's operation of a node, as its node class takes it. */
const operation = (node: Node) => ({ name: node.op, ...(node.meta as object) });

/**
 * Rewrites the list and map literals with optional entries (the marked `!` nodes) into calls; `templates`
 * is a parsed `kpgOptionalListEntry(x) + [x]` whose nodes lend their operations.
 */
export function rewriteOptionalEntries(
  ast: unknown,
  markers: ReadonlySet<number>,
  template: unknown,
): void {
  const plus = template as Node;
  const call = (plus.args as Node[])[0]!;
  const list = (plus.args as Node[])[1]!;
  const isMarker = (node: unknown): node is Node =>
    isNode(node) && node.op === '!_' && markers.has(node.start);
  const makeCall = (at: Node, name: string, args: unknown[]) =>
    at.clone(operation(call), [name, args]);
  const replace = (node: Node, parent: unknown, key: string | number) => {
    (parent as Record<string | number, unknown>)[key] = node;
  };
  const visit = (node: unknown, parent: unknown, key: string | number): void => {
    if (Array.isArray(node)) return node.forEach((child, i) => visit(child, node, i));
    if (!isNode(node)) return;
    if (node.op === 'list' && (node.args as unknown[]).some(isMarker)) {
      const parts: Node[] = [];
      let plain: unknown[] = [];
      const flush = () => {
        if (plain.length) parts.push(node.clone(operation(list), plain));
        plain = [];
      };
      const elements = node.args as unknown[];
      elements.forEach((element, i) => {
        if (isMarker(element)) {
          visit(element.args, element, 'args');
          flush();
          parts.push(makeCall(element, 'kpgOptionalListEntry', [element.args]));
        } else {
          visit(element, elements, i);
          plain.push(elements[i]);
        }
      });
      flush();
      replace(
        parts.reduce((left, right) => node.clone(operation(plus), [left, right])),
        parent,
        key,
      );
      return;
    }
    if (node.op === 'map' && (node.args as [unknown, unknown][]).some(([k]) => isMarker(k))) {
      const entries = node.args as [unknown, unknown][];
      for (const entry of entries) {
        if (isMarker(entry[0])) visit(entry[0].args, entry[0], 'args');
        else visit(entry[0], entry, 0);
        visit(entry[1], entry, 1);
      }
      const first = entries.findIndex(([k]) => isMarker(k));
      let result: Node = node.clone(operation(node), entries.slice(0, first));
      for (const [k, v] of entries.slice(first))
        result = isMarker(k)
          ? makeCall(k, 'kpgOptionalMapEntry', [result, k.args, v])
          : makeCall(result, 'kpgMapEntry', [result, k, v]);
      replace(result, parent, key);
      return;
    }
    if (node.op === '!_' && markers.has(node.start))
      throw Object.assign(
        celError(
          "Unexpected token: QUESTION ('?' marks an optional entry of a list or map literal only)",
        ),
        {
          range: { start: node.start },
        },
      );
    if (node.args && typeof node.args === 'object') {
      if (Array.isArray(node.args)) node.args.forEach((child, i) => visit(child, node.args, i));
      else visit(node.args, node, 'args');
    }
  };
  visit(ast, { root: ast }, 'root');
}

function withEntry(map: unknown, key: unknown, value: unknown): unknown {
  if (map instanceof Map) return new Map(map).set(key, value);
  if (typeof key === 'string') {
    const copy = Object.assign(Object.create(null) as object, map) as Record<string, unknown>;
    copy[key] = value;
    return copy;
  }
  const copy = new Map<unknown, unknown>(Object.entries(map as object));
  return copy.set(key, value);
}

export function registerOptionalLiterals(env: Environment): void {
  env
    .registerFunction('kpgOptionalListEntry(optional<dyn>): list<dyn>', (entry: Optional) =>
      entry.hasValue() ? [entry.value()] : [],
    )
    .registerFunction(
      'kpgOptionalMapEntry(map<dyn, dyn>, dyn, optional<dyn>): map<dyn, dyn>',
      (map: unknown, key: unknown, value: Optional) =>
        value.hasValue() ? withEntry(map, key, value.value()) : map,
    )
    .registerFunction(
      'kpgMapEntry(map<dyn, dyn>, dyn, dyn): map<dyn, dyn>',
      (map: unknown, key: unknown, value: unknown) => withEntry(map, key, value),
    );
}
