// The Kubernetes CEL environment on @marcbachmann/cel-js: the libraries of the API server, each available
// for new expressions from the minor after the one that introduced it (the API server compiles new
// expressions against compatibility version N-1), a cost meter, RE2 regular expressions, and positions
// (line:column in the expression) on every error.
import {
  Environment,
  ParseError,
  EvaluationError,
  TypeError as CelTypeError,
} from '@marcbachmann/cel-js';
import { installCostMeter, metered, CostLimitError, PER_EXPRESSION_COST_LIMIT } from './cost.js';
import { registerQuantity } from './lib-quantity.js';
import { registerNet } from './lib-net.js';
import { registerSemver } from './lib-semver.js';
import { registerFormat } from './lib-format.js';
import { registerURL } from './lib-url.js';
import { registerRegex, RE2_MATCHES, compileRE2 } from './lib-regex.js';
import { registerStrings } from './lib-strings.js';
import { registerLists } from './lib-lists.js';
import { registerTwoVarComprehensions } from './lib-comprehensions.js';
import { registerOptional } from './lib-optional.js';
import {
  markOptionalEntries,
  registerOptionalLiterals,
  rewriteOptionalEntries,
} from './lib-optional-literals.js';
import { CelLibraryError } from './errors.js';
import { OfflineUnknownError, registerAuthz } from './lib-authz.js';

export { DEFAULT_KUBERNETES_VERSION } from '../../model.js';

/** Kubernetes minor that introduced each library (pkg/cel/environment/base.go); usable from the next one. */
export const LIBRARY_INTRODUCED: Record<string, number> = {
  urls: 0,
  regex: 0,
  lists: 0,
  strings: 0,
  authz: 27,
  optional: 28,
  quantity: 28,
  sets: 29,
  ip: 30,
  cidr: 30,
  format: 31,
  authzSelectors: 31,
  twoVarComprehensions: 32,
  semver: 33,
  extLists: 34,
  listsIncludes: 37,
};

/** The newest minor whose libraries this environment knows (the last one LIBRARY_INTRODUCED adds to). */
export const LATEST_MINOR = Math.max(...Object.values(LIBRARY_INTRODUCED)) + 1;

export function parseKubernetesMinor(version: string): number {
  const m = /^v?1\.(\d+)(?:\.\d+)?$/.exec(version.trim());
  if (!m)
    throw new Error(
      `kubernetesVersion ${JSON.stringify(version)} is not a Kubernetes version like "1.34"`,
    );
  return Number(m[1]);
}

export interface Position {
  /** 1-based line and column inside the expression text. */
  line: number;
  column: number;
  offset: number;
}

export class CelError extends Error {
  constructor(
    message: string,
    readonly phase: 'compile' | 'runtime',
    readonly position?: Position,
  ) {
    super(message);
  }
}

export function positionAt(text: string, offset: number): Position {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++)
    if (text[i] === '\n') {
      line++;
      lineStart = i + 1;
    }
  return { line, column: offset - lineStart + 1, offset };
}

export interface Node {
  op: string;
  args: unknown;
  start?: number;
  end?: number;
}
export const isNode = (v: unknown): v is Node =>
  typeof v === 'object' && v !== null && typeof (v as Node).op === 'string' && 'args' in v;

function walk(node: unknown, visit: (n: Node) => void): void {
  if (Array.isArray(node)) {
    for (const child of node) walk(child, visit);
    return;
  }
  if (!isNode(node)) return;
  visit(node);
  if (node.args && typeof node.args === 'object') walk(Object.values(node.args as object), visit);
}

// Property names that are CEL keywords or hold '.', '-', '/' are written escaped (the API server's rule).
const KEYWORDS = new Set(
  'true false null in as break const continue else for function if import let loop package namespace return var void while'.split(
    ' ',
  ),
);
export function unescapeFieldName(name: string): string {
  if (!name.includes('__')) return name;
  const keyword = /^__([a-z]+)__$/.exec(name);
  if (keyword && KEYWORDS.has(keyword[1]!)) return keyword[1]!;
  return name.replace(
    /__(underscores|dot|dash|slash)__/g,
    (_m, token: string) => ({ underscores: '__', dot: '.', dash: '-', slash: '/' })[token]!,
  );
}

const REGEX_FUNCTIONS = new Set(['matches', 'find', 'findAll']);

const celTypeName = (v: unknown) =>
  typeof v === 'bigint'
    ? 'int'
    : typeof v === 'number'
      ? 'double'
      : typeof v === 'boolean'
        ? 'bool'
        : v === null
          ? 'null_type'
          : typeof v;

/**
 * The API server's homogeneous-aggregate-literal validator: the constant elements of a list or map literal
 * share one type, except in the argument list of format().
 */
function checkHomogeneous(node: Node, exempt: Set<unknown>, expression: string): void {
  if (exempt.has(node) || !Array.isArray(node.args)) return;
  const columns: Node[][] =
    node.op === 'list'
      ? [node.args as Node[]]
      : [(node.args as Node[][]).map((e) => e[0]!), (node.args as Node[][]).map((e) => e[1]!)];
  for (const column of columns) {
    const literals = column.filter((n) => isNode(n) && n.op === 'value');
    const first = literals[0];
    const odd = literals.find((n) => celTypeName(n.args) !== celTypeName(first?.args));
    if (first && odd)
      throw new CelError(
        `expected type '${celTypeName(first.args)}' but found '${celTypeName(odd.args)}'`,
        'compile',
        positionAt(expression, odd.start ?? 0),
      );
  }
}

/** Rewrites `matches` to the RE2 implementation and rejects literal patterns RE2 cannot compile. */
function prepare(ast: unknown, expression: string): void {
  const exempt = new Set<unknown>();
  walk(ast, (node) => {
    if (node.op === 'rcall' && (node.args as unknown[])[0] === 'format')
      exempt.add(((node.args as unknown[])[2] as unknown[])[0]);
    if (node.op === 'list' || node.op === 'map') checkHomogeneous(node, exempt, expression);
    if (
      (node.op === '.' || node.op === '.?') &&
      Array.isArray(node.args) &&
      typeof node.args[1] === 'string'
    )
      node.args[1] = unescapeFieldName(node.args[1]);
    if (node.op !== 'rcall' && node.op !== 'call') return;
    const args = node.args as unknown[];
    const name = args[0];
    if (typeof name !== 'string' || !REGEX_FUNCTIONS.has(name)) return;
    const callArgs = (node.op === 'rcall' ? args[2] : args[1]) as unknown[];
    const pattern = node.op === 'rcall' ? callArgs[0] : callArgs[1];
    if (isNode(pattern) && pattern.op === 'value' && typeof pattern.args === 'string') {
      try {
        compileRE2(pattern.args);
      } catch (error) {
        throw new CelError(
          (error as Error).message,
          'compile',
          positionAt(expression, pattern.start ?? 0),
        );
      }
    }
    if (name === 'matches') args[0] = RE2_MATCHES;
  });
}

function errorMessage(error: unknown): string {
  const e = error as { summary?: string; message?: string };
  return (e.summary ?? e.message ?? String(error))
    .split('\n')[0]!
    .replaceAll(RE2_MATCHES, 'matches');
}

export interface CompiledExpression {
  readonly expression: string;
  /** The engine's syntax tree (nodes with op, args, start, end offsets into `expression`). */
  readonly ast: unknown;
  /** Evaluates with the given variables; throws CelError (runtime) on failure or when the budget is spent. */
  evaluate(variables: Record<string, unknown>, budget?: number): { value: unknown; cost: number };
}

export class KubernetesCel {
  private readonly env: Environment;
  readonly minor: number;

  constructor(
    readonly kubernetesVersion: string,
    readonly variables: readonly string[],
  ) {
    installCostMeter();
    this.minor = parseKubernetesMinor(kubernetesVersion);
    const has = (library: string) => this.minor >= LIBRARY_INTRODUCED[library]! + 1;
    const env = new Environment({
      enableOptionalTypes: has('optional'),
      // The API server's base environment accepts mixed literals such as format()'s argument lists.
      homogeneousAggregateLiterals: false,
    });
    for (const name of variables) if (name !== 'authorizer') env.registerVariable(name, 'dyn');
    // The authorizer exists for ValidatingAdmissionPolicies only, and is typed (its checks are methods).
    if (variables.includes('authorizer') && has('authz')) {
      registerAuthz(env, has('authzSelectors'));
      env.registerVariable('authorizer', 'kubernetes.authorization.Authorizer');
    }
    if (has('optional')) registerOptional(env);
    if (has('optional')) registerOptionalLiterals(env);
    this.optionalLiterals = has('optional');
    registerURL(env);
    registerRegex(env);
    registerStrings(env);
    registerLists(env, {
      kubernetesLists: true,
      includes: has('listsIncludes'),
      extLists: has('extLists'),
      sets: has('sets'),
    });
    if (has('quantity')) registerQuantity(env);
    if (has('ip')) registerNet(env);
    if (has('format')) registerFormat(env);
    if (has('twoVarComprehensions')) registerTwoVarComprehensions(env);
    if (has('semver')) registerSemver(env, true);
    this.env = env;
  }

  /** A compile error that a later release would not raise names the version as the cause. */
  private explain(error: CelError, expression: string): CelError {
    if (this.minor >= LATEST_MINOR) return error;
    try {
      kubernetesCel(`1.${LATEST_MINOR}`, this.variables).compile(expression);
    } catch {
      return error;
    }
    return new CelError(
      `${error.message} (not available to new expressions in Kubernetes ${this.kubernetesVersion}: a library of a later release; see kubernetesVersion)`,
      'compile',
      error.position,
    );
  }

  private readonly compiled = new Map<string, CompiledExpression>();
  private readonly optionalLiterals: boolean;
  private optionalTemplate?: unknown;
  private functionNames?: Set<string>;

  private compileError(error: unknown, expression: string): CelError {
    return compileError(error, expression, (name) =>
      (this.functionNames ??= new Set(this.env.getDefinitions().functions.map((f) => f.name))).has(
        name,
      ),
    );
  }

  /** cel-js's parse, with optional entries of list and map literals (`[?x]`, `{?k: v}`) when enabled. */
  private parse(expression: string): ReturnType<Environment['parse']> {
    const marked = this.optionalLiterals ? markOptionalEntries(expression) : undefined;
    if (!marked) return this.env.parse(expression);
    const parsed = this.env.parse(marked.text);
    const root = parsed.ast as { op?: string; args?: unknown; start?: number };
    const rootIsMarked =
      (root.op === 'list' || root.op === 'map') &&
      (root.op === 'list'
        ? (root.args as { op?: string; start?: number }[])
        : (root.args as [{ op?: string; start?: number }][]).map(([k]) => k)
      ).some((n) => n?.op === '!_' && marked.markers.has(n.start ?? -1));
    this.optionalTemplate ??= this.env.parse('kpgOptionalListEntry(x) + [x]').ast;
    if (!rootIsMarked) {
      rewriteOptionalEntries(parsed.ast, marked.markers, this.optionalTemplate);
      return parsed;
    }
    // The root itself is rewritten: parse it as the only element of a list, one position further on.
    const wrapped = this.env.parse(`[${marked.text}][0]`);
    rewriteOptionalEntries(
      wrapped.ast,
      new Set([...marked.markers].map((offset) => offset + 1)),
      this.optionalTemplate,
    );
    walk(wrapped.ast, (node) => {
      const n = node as { start?: number; end?: number; pos?: number };
      for (const key of ['start', 'end', 'pos'] as const)
        if (typeof n[key] === 'number') n[key] = Math.max(0, n[key] - 1);
    });
    return wrapped;
  }

  /** Parses and type-checks (once per text); throws CelError (compile) with the position in the expression. */
  compile(expression: string): CompiledExpression {
    let compiled = this.compiled.get(expression);
    if (!compiled) {
      compiled = this.compileNew(expression);
      if (this.compiled.size > 10_000) this.compiled.clear();
      this.compiled.set(expression, compiled);
    }
    return compiled;
  }

  private compileNew(expression: string): CompiledExpression {
    let parsed: ReturnType<Environment['parse']>;
    try {
      parsed = this.parse(expression);
    } catch (error) {
      throw this.compileError(error, expression);
    }
    prepare(parsed.ast, expression);
    const checked = parsed.check();
    if (!checked.valid)
      throw this.explain(this.compileError(checked.error, expression), expression);
    return {
      expression,
      ast: parsed.ast,
      evaluate(variables, budget = PER_EXPRESSION_COST_LIMIT) {
        try {
          return metered(budget, () => parsed(variables) as unknown);
        } catch (error) {
          if (error instanceof CostLimitError) throw new CelError(error.message, 'runtime');
          // Not an error of the expression: what it asked cannot be known offline.
          if (error instanceof OfflineUnknownError) throw error;
          const range = (error as { range?: { start: number } }).range;
          const message =
            error instanceof CelLibraryError || error instanceof EvaluationError
              ? errorMessage(error)
              : String((error as Error).message ?? error);
          throw new CelError(
            message,
            'runtime',
            range ? positionAt(expression, range.start) : undefined,
          );
        }
      },
    };
  }
}

const GO_OPERATOR: Record<string, string> = {
  '+': '_+_',
  '-': '_-_',
  '*': '_*_',
  '/': '_/_',
  '%': '_%_',
  '<': '_<_',
  '<=': '_<=_',
  '>': '_>_',
  '>=': '_>=_',
  '==': '_==_',
  '!=': '_!=_',
  in: '@in',
};

/** cel-go writes parameterised types with parentheses: list(string), map(string, int). */
const goTypes = (types: string) => types.replaceAll('<', '(').replaceAll('>', ')');

/**
 * cel-go's words (what the API server says) for the compile errors that have a direct counterpart, and
 * where cel-go places them: a call at its opening parenthesis, an operator at the operator.
 */
function celGoWording(
  message: string,
  node: unknown,
  expression: string,
  declared: (name: string) => boolean,
): { message: string; offset?: number } {
  const undeclared = (name: string) => `undeclared reference to '${name}' (in container '')`;
  const variable = /^Unknown variable: (.*)$/.exec(message);
  if (variable) return { message: undeclared(variable[1]!) };
  if (!isNode(node)) return { message };
  const args = node.args as unknown[];
  // An optional entry of a list or map literal (rewritten into these calls) whose value is not optional.
  const entry =
    /^found no matching overload for 'kpg(?:OptionalListEntry\((.*)\)|OptionalMapEntry\(.*, (.*)\))'$/.exec(
      message,
    );
  if (entry) {
    const at = isNode(args?.[1]) ? (node.start ?? 0) : undefined;
    return {
      message: `expected type 'optional_type' but found '${goTypes(entry[1] ?? entry[2]!)}' (an optional entry '?' needs an optional value)`,
      ...(at === undefined ? {} : { offset: at }),
    };
  }
  const call = /^found no matching overload for '(?:(.+)\.)?([^.(]+)\((.*)\)'$/.exec(message);
  if (call && (node.op === 'call' || node.op === 'rcall')) {
    const [, receiver, name, types] = call;
    const after = node.op === 'rcall' && isNode(args[1]) ? (args[1].end ?? 0) : (node.start ?? 0);
    const open = expression.indexOf('(', after);
    return {
      message: declared(name!)
        ? `found no matching overload for '${name}' applied to '${receiver ? `${goTypes(receiver)}.` : ''}(${goTypes(types!)})'`
        : undeclared(name!),
      ...(open >= 0 ? { offset: open } : {}),
    };
  }
  const binary = /^no such overload: (\S+) (\S+) (\S+)$/.exec(message);
  const goOperator = binary && GO_OPERATOR[binary[2]!];
  if (binary && goOperator && isNode(args?.[0]) && isNode(args[1])) {
    const at = expression.indexOf(binary[2]!, args[0].end ?? 0);
    return {
      message: `found no matching overload for '${goOperator}' applied to '(${goTypes(binary[1]!)}, ${goTypes(binary[3]!)})'`,
      ...(at >= 0 ? { offset: at } : {}),
    };
  }
  return { message };
}

/**
 * A compile error as cel-go writes it, which is the text of the API server's `compilation failed: ...`:
 * `ERROR: <input>:LINE:COLUMN: message`, and with `caret` the source line and a caret under the column.
 */
export function celGoCompileError(expression: string, error: CelError, caret = true): string {
  if (!error.position) return `ERROR: <input>: ${error.message}`;
  const { line, column } = error.position;
  const head = `ERROR: <input>:${line}:${column}: ${error.message}`;
  if (!caret) return head;
  const source = expression.split('\n')[line - 1] ?? '';
  return `${head}\n | ${source}\n | ${'.'.repeat(column - 1)}^`;
}

function compileError(
  error: unknown,
  expression: string,
  declared: (name: string) => boolean,
): CelError {
  if (error instanceof CelError) return error;
  const range = (error as { range?: { start: number } }).range;
  const known =
    error instanceof ParseError ||
    error instanceof CelTypeError ||
    error instanceof EvaluationError;
  const wording = celGoWording(
    known ? errorMessage(error) : String((error as Error).message ?? error),
    (error as { node?: unknown }).node,
    expression,
    declared,
  );
  const offset = wording.offset ?? range?.start;
  return new CelError(
    wording.message,
    'compile',
    offset === undefined ? undefined : positionAt(expression, offset),
  );
}

const environments = new Map<string, KubernetesCel>();
/** One environment per version and variable set: building one registers every library. */
export function kubernetesCel(
  kubernetesVersion: string,
  variables: readonly string[],
): KubernetesCel {
  const key = `${kubernetesVersion}|${variables.join(',')}`;
  let env = environments.get(key);
  if (!env) environments.set(key, (env = new KubernetesCel(kubernetesVersion, variables)));
  return env;
}

/** JSON/YAML data as CEL values: integers as 64-bit ints (bigint), maps without a prototype. */
export function toCel(value: unknown): unknown {
  if (typeof value === 'number') return Number.isInteger(value) ? BigInt(value) : value;
  if (Array.isArray(value)) return value.map(toCel);
  if (value && typeof value === 'object') {
    if (value instanceof Date) return value.toISOString();
    const out = Object.create(null) as Record<string, unknown>;
    for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = toCel(v);
    return out;
  }
  return value ?? null;
}

/** Renders a CEL value for people (the eval command, messages). */
export function formatCel(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'bigint' || typeof value === 'number' || typeof value === 'boolean')
    return String(value);
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return `[${value.map(formatCel).join(', ')}]`;
  if (value instanceof Map)
    return `{${[...value].map(([k, v]) => `${formatCel(k)}: ${formatCel(v)}`).join(', ')}}`;
  const proto = Object.getPrototypeOf(value) as unknown;
  if (proto === null || proto === Object.prototype)
    return `{${Object.entries(value)
      .map(([k, v]) => `${formatCel(k)}: ${formatCel(v)}`)
      .join(', ')}}`;
  if ((value as { [Symbol.toStringTag]?: string })[Symbol.toStringTag] === 'optional') {
    const opt = value as { hasValue(): boolean; value(): unknown };
    return opt.hasValue() ? `optional.of(${formatCel(opt.value())})` : 'optional.none()';
  }
  return String(value);
}
