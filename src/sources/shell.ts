// RUN bodies parsed with a real shell parser (mvdan-sh, the GopherJS build of mvdan.cc/sh/v3, the
// parser behind shfmt) into plain data the Dockerfile rules read: every simple command with its
// name and arguments, where it sits in `&&`/`||` chains, pipelines and subshells, and whether the
// script has a pipe. Words are simplified the way hadolint does it (ShellCheck's `oversimplify`):
// quotes removed, an expansion we cannot resolve reads `${VAR}`. Built once per instruction by
// parseDockerfile.
import type { ShParser } from 'mvdan-sh';

// mvdan-sh is 1.5 MB of JavaScript that takes some 100 ms and 20 MB to load: loaded when the
// first Dockerfile is, not by every scan. One parser for the whole process.
let parser: ShParser | undefined;
let loading: Promise<void> | undefined;

/** Loads the shell parser; parseShell (and so parseDockerfile) needs it loaded first. */
export function loadShellParser(): Promise<void> {
  loading ??= import('mvdan-sh').then(({ default: sh }) => {
    parser = sh.syntax.NewParser();
  });
  return loading;
}

export type ShellOperator = '&&' | '||' | '|' | '|&';

export interface ShellCommand {
  /** The command word, quotes removed (`apt-get`, `/bin/sh`). */
  name: string;
  /** The words after the name, simplified (`-y`, `curl=7.*`, `${VAR}`). */
  args: string[];
  /** Index of the top-level statement (`;`, `&`, newline separated) the command belongs to. */
  statement: number;
  /** The operator that joins this command to the one before it, when there is one. */
  operator?: ShellOperator;
  /** Part of a pipeline (`a | b`). */
  pipeline: boolean;
  /** Inside `( )`, `$( )`, backquotes or `<( )`. */
  subshell: boolean;
}

export interface ParsedShell {
  /** The script as given to the parser. */
  script: string;
  /** False when the shell parser rejected the script: it has no commands, rules skip it. */
  parsed: boolean;
  /** Why the parser rejected it (`reached EOF without closing quote "`). */
  error?: string;
  /** Every simple command in source order, outer before nested. */
  commands: ShellCommand[];
  /** Number of `|` and `|&` operators. */
  pipes: number;
}

/** Known variable values (ARG/ENV in scope), used to resolve `$NAME` and `${NAME}` in words. */
export type ShellVariables = Pick<ReadonlyMap<string, string>, 'get'>;

const NO_VARIABLES: ShellVariables = new Map();

// mvdan.cc/sh/v3/syntax BinCmdOperator values.
const BINARY_OPERATORS: Record<number, ShellOperator> = { 10: '&&', 11: '||', 12: '|', 13: '|&' };

interface Context {
  statement: number;
  operator?: ShellOperator;
  pipeline: boolean;
  subshell: boolean;
}

// `RUN <<EOF` (BuildKit): a heredoc with no command before it is the script itself. That is
// Dockerfile syntax, not shell syntax, so the body is taken out before the shell parser sees it.
const DOCKERFILE_HEREDOC = /^\s*<<(-?)\s*(["']?)([A-Za-z_][\w.-]*)\2[ \t]*\r?\n/;

export function parseShell(script: string, variables: ShellVariables = NO_VARIABLES): ParsedShell {
  const shell: ParsedShell = { script, parsed: true, commands: [], pipes: 0 };
  const heredoc = DOCKERFILE_HEREDOC.exec(script);
  const source = heredoc
    ? heredocBody(script.slice(heredoc[0].length), heredoc[3], heredoc[1] === '-')
    : script;
  if (!parser) throw new Error('the shell parser is not loaded: await loadShellParser() first');
  let file: GoNode;
  try {
    file = goValue(parser.Parse(source, ''));
  } catch (error) {
    // The rules cannot check it; a rule of its own reports that (KPG301).
    return { ...shell, parsed: false, error: parseErrorText(error) };
  }
  try {
    new Walker(variables, shell).program(file);
  } catch {
    // A node shape this walker does not know, or nesting too deep to walk: better no commands
    // than a crashed scan.
    return { ...shell, parsed: false, error: 'nesting too deep to check', commands: [], pipes: 0 };
  }
  return shell;
}

/** The parser's message, one line: mvdan-sh throws a Go error wrapped by GopherJS. */
function parseErrorText(error: unknown): string {
  const text =
    (error as { message?: unknown })?.message ??
    (error as { Error?: () => unknown })?.Error?.() ??
    String(error);
  // Its `line:column:` is in the joined script, not the file: the finding is on the RUN's lines.
  return String(text)
    .split('\n')[0]
    .replace(/^\d+:(?:\d+|\?):\s*/, '')
    .slice(0, 200);
}

/** The lines of a heredoc up to its closing delimiter (leading tabs stripped for `<<-`). */
function heredocBody(rest: string, delimiter: string, stripTabs: boolean): string {
  const lines = rest.split('\n').map((line) => (stripTabs ? line.replace(/^\t+/, '') : line));
  const end = lines.findIndex((line) => line.trimEnd() === delimiter);
  return (end === -1 ? lines : lines.slice(0, end)).join('\n');
}

// ---------------------------------------------------------------------------------------------
// The syntax tree, read as the Go values under mvdan-sh's JavaScript wrappers. The wrappers
// convert a field on every access and name a node's type by formatting it with fmt; walking the
// tree through them cost ten times the parse. Underneath, in GopherJS's representation (fixed for
// the pinned mvdan-sh 0.10.1): a struct pointer is an object with the Go field names and a
// constructor whose `string` is the type (`*syntax.CallExpr`); a nil pointer is its type's `nil`
// object; a nil interface is an object without such a constructor; a slice is
// `{ $array, $offset, $length }`; a string holds UTF-8 bytes, one per character.

type GoNode = { readonly constructor: GoType } & Record<string, unknown>;
interface GoType {
  readonly string?: string;
  readonly nil?: unknown;
}
interface GoSlice {
  $array: unknown[];
  $offset: number;
  $length: number;
}

function goValue(wrapper: unknown): GoNode {
  return (wrapper as { __internal_object__: GoNode }).__internal_object__;
}

/** The node a pointer or interface field holds, or undefined for nil. */
function node(value: unknown): GoNode | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const type = (value as GoNode).constructor;
  if (typeof type?.string !== 'string' || value === type.nil) return undefined;
  return value as GoNode;
}

/** `CallExpr` for a `*syntax.CallExpr`. */
function kind(value: GoNode): string {
  const type = value.constructor.string!;
  return type.slice(type.lastIndexOf('.') + 1);
}

function items(value: unknown): GoNode[] {
  const slice = value as GoSlice | undefined;
  if (!slice?.$array) return [];
  const nodes: GoNode[] = [];
  for (let index = 0; index < slice.$length; index++) {
    const item = node(slice.$array[slice.$offset + index]);
    if (item) nodes.push(item);
  }
  return nodes;
}

/** A Go string as JavaScript text. */
function text(value: unknown): string {
  const bytes = typeof value === 'string' ? value : '';
  return /[\x80-\xff]/.test(bytes) ? Buffer.from(bytes, 'latin1').toString('utf8') : bytes;
}

/** The value of a `*syntax.Lit` field. */
function literal(value: unknown): string | undefined {
  const lit = node(value);
  return lit ? text(lit.Value) : undefined;
}

/** Whether a field holds a syntax node (a pointer to a `syntax` struct, or an interface). */
function isSyntaxNode(value: unknown): value is GoNode {
  const found = node(value);
  return found !== undefined && found.constructor.string!.startsWith('*syntax.');
}

class Walker {
  private statementIndex = -1;

  constructor(
    private readonly variables: ShellVariables,
    private readonly shell: ParsedShell,
  ) {}

  program(file: GoNode): void {
    for (const stmt of items(file.Stmts)) {
      this.statementIndex++;
      this.stmt(stmt, { statement: this.statementIndex, pipeline: false, subshell: false });
    }
  }

  private stmt(stmt: GoNode, context: Context): void {
    const command = node(stmt.Cmd);
    if (command) this.node(command, context);
    // Redirect targets and heredoc bodies may hold substitutions.
    for (const redirect of items(stmt.Redirs)) this.children(redirect, context);
  }

  private node(value: GoNode, context: Context): void {
    switch (kind(value)) {
      case 'Lit':
        return;
      case 'Stmt':
        // A statement in a body (`if`, `{ }`, loops) starts its own chain.
        return this.stmt(value, { ...context, operator: undefined });
      case 'CallExpr':
        return this.call(value, context);
      case 'DeclClause':
        return this.declaration(value, context);
      case 'BinaryCmd':
        return this.binary(value, context);
      case 'Subshell':
      case 'CmdSubst':
      case 'ProcSubst': {
        const inner = { ...this.nested(context), subshell: true };
        for (const stmt of items(value.Stmts)) this.stmt(stmt, inner);
        return;
      }
      case 'Word':
        return this.word(value, context);
      default:
        return this.children(value, context);
    }
  }

  /** Nested commands start their own chain, outside any pipeline. */
  private nested(context: Context): Context {
    return { statement: context.statement, pipeline: false, subshell: context.subshell };
  }

  /** `a && b`, `a | b`: the left side keeps the chain's operator, the right one gets this one. */
  private binary(value: GoNode, context: Context): void {
    const operator = BINARY_OPERATORS[value.Op as number];
    const pipe = operator === '|' || operator === '|&';
    if (pipe) this.shell.pipes++;
    const inner = { ...context, pipeline: context.pipeline || pipe };
    this.stmt(node(value.X)!, inner);
    this.stmt(node(value.Y)!, { ...inner, operator });
  }

  private call(value: GoNode, context: Context): void {
    const words = items(value.Args);
    if (words.length > 0) {
      const name = literalWord(words[0]);
      // A command whose name is an expansion is not a command hadolint can name.
      if (name !== undefined) {
        this.emit(
          name,
          words.slice(1).map((word) => this.text(word)),
          context,
        );
      }
    }
    const inner = this.nested(context);
    for (const assign of items(value.Assigns)) this.children(assign, inner);
    for (const word of words) this.word(word, inner);
  }

  /** `export A=1 B`, `local`, `declare`, `readonly`, `typeset`: a command named by the keyword. */
  private declaration(value: GoNode, context: Context): void {
    const variant = literal(value.Variant);
    const assigns = items(value.Args);
    const args = assigns.map((assign) => {
      const name = literal(assign.Name);
      const word = node(assign.Value);
      if (assign.Naked) return name ?? (word ? this.text(word) : '');
      return `${name ?? ''}=${word ? this.text(word) : ''}`;
    });
    if (variant) this.emit(variant, args, context);
    const inner = this.nested(context);
    for (const assign of assigns) this.children(assign, inner);
  }

  private emit(name: string, args: string[], context: Context): void {
    this.shell.commands.push({
      name,
      args,
      statement: context.statement,
      ...(context.operator ? { operator: context.operator } : {}),
      pipeline: context.pipeline,
      subshell: context.subshell,
    });
  }

  /** Commands nested in a word: `$( )`, backquotes, `<( )`, `${x:-$(...)}`. */
  private word(word: GoNode, context: Context): void {
    for (const part of items(word.Parts)) this.wordPart(part, context);
  }

  private wordPart(part: GoNode, context: Context): void {
    switch (kind(part)) {
      case 'Lit':
      case 'SglQuoted':
        return;
      case 'DblQuoted':
        for (const inner of items(part.Parts)) this.wordPart(inner, context);
        return;
      default:
        this.node(part, context);
    }
  }

  /** Visits the child nodes of a node we have no special handling for, in field order (which
   *  is source order in mvdan.cc/sh's structs). */
  private children(value: GoNode, context: Context): void {
    for (const field in value) {
      if (field === '$val') continue;
      const child = value[field];
      if ((child as GoSlice | undefined)?.$array) {
        for (const item of items(child)) if (isSyntaxNode(item)) this.node(item, context);
      } else if (isSyntaxNode(child)) {
        this.node(child, context);
      }
    }
  }

  /** A word as hadolint sees it: quotes removed, known variables substituted, any other
   *  expansion as `${VAR}`. */
  text(word: GoNode): string {
    return items(word.Parts)
      .map((part) => this.partText(part, false))
      .join('');
  }

  private partText(part: GoNode, quoted: boolean): string {
    switch (kind(part)) {
      case 'Lit':
        return unescapeLiteral(text(part.Value), quoted);
      case 'SglQuoted':
        return text(part.Value);
      case 'DblQuoted':
        return items(part.Parts)
          .map((inner) => this.partText(inner, true))
          .join('');
      case 'ParamExp':
        return this.parameter(part) ?? '${VAR}';
      case 'CmdSubst':
      case 'ArithmExp':
        return '${VAR}';
      default:
        // Process substitution, extended globs, brace expansion: no plain text.
        return '';
    }
  }

  /** The value of `$NAME` / `${NAME}` when it is a plain reference to a known variable. */
  private parameter(part: GoNode): string | undefined {
    if (part.Excl || part.Length || part.Width) return undefined;
    if (node(part.Index) || node(part.Slice) || node(part.Repl) || node(part.Exp)) return undefined;
    const name = literal(part.Param);
    return name === undefined ? undefined : this.variables.get(name);
  }
}

/** The word's text when it is made only of literal and quoted text (no expansion). */
function literalWord(word: GoNode): string | undefined {
  let result = '';
  const add = (part: GoNode, quoted: boolean): boolean => {
    switch (kind(part)) {
      case 'Lit':
        result += unescapeLiteral(text(part.Value), quoted);
        return true;
      case 'SglQuoted':
        result += text(part.Value);
        return true;
      case 'DblQuoted':
        return items(part.Parts).every((inner) => add(inner, true));
      default:
        return false;
    }
  };
  return items(word.Parts).every((part) => add(part, false)) ? result : undefined;
}

/** Backslash escapes as the shell removes them: any character outside quotes; only `$`, `` ` ``,
 *  `"`, `\` and newline inside double quotes. */
function unescapeLiteral(value: string, quoted: boolean): string {
  if (!value.includes('\\')) return value;
  return value.replace(/\\([\s\S])/g, (escape: string, char: string) => {
    if (char === '\n') return '';
    if (!quoted || '$`"\\'.includes(char)) return char;
    return escape;
  });
}

// ---------------------------------------------------------------------------------------------
// Reading commands the way hadolint's rules do (Hadolint.Shell: getAllFlags, hasFlag,
// getArgsNoFlags, dropFlagArg, getFlagArg).

export interface CommandFlag {
  /** `y` for `-y` (one per letter of `-yq`), `no-cache` for `--no-cache` or `--no-cache=x`. */
  flag: string;
  /** Index in `args` of the word it came from. */
  index: number;
}

/** The flags of a command: `-abc` is `a`, `b`, `c`; `--name=value` is `name`; `-` and `--` are
 *  not flags. Every argument is looked at, including those after `--`, as hadolint does. */
export function flagsOf(command: ShellCommand): CommandFlag[] {
  const flags: CommandFlag[] = [];
  command.args.forEach((arg, index) => {
    if (arg === '-' || arg === '--') return;
    if (arg.startsWith('--')) flags.push({ flag: arg.slice(2).split('=')[0], index });
    else if (arg.startsWith('-'))
      for (const letter of arg.slice(1)) flags.push({ flag: letter, index });
  });
  return flags;
}

export function hasFlag(command: ShellCommand, ...names: string[]): boolean {
  return flagsOf(command).some(({ flag }) => names.includes(flag));
}

/** Whether the command is `name` and one of its arguments is one of `args` (hadolint's
 *  `cmdHasArgs`). */
export function isCommand(
  command: ShellCommand,
  name: string | readonly string[],
  ...args: string[]
): boolean {
  // Called for every command by many rules: no array built for a single name.
  if (typeof name === 'string' ? command.name !== name : !name.includes(command.name)) return false;
  return args.length === 0 || command.args.some((arg) => args.includes(arg));
}

/** Arguments that are not flags. */
export function argsWithoutFlags(command: ShellCommand): string[] {
  const flagged = new Set(flagsOf(command).map(({ index }) => index));
  return command.args.filter((_arg, index) => !flagged.has(index));
}

/** Whether the flag's value is in the same word (`--name=value`). */
function inlineValue(command: ShellCommand, index: number): boolean {
  return command.args[index].startsWith('--') && command.args[index].includes('=');
}

/** The command without the values of the given flags: the word after `-t`/`--target`;
 *  `--target=x` carries its value itself. */
export function dropFlagValues(command: ShellCommand, names: readonly string[]): ShellCommand {
  const drop = new Set(
    flagsOf(command)
      .filter(({ flag, index }) => names.includes(flag) && !inlineValue(command, index))
      .map(({ index }) => index + 1),
  );
  return { ...command, args: command.args.filter((_arg, index) => !drop.has(index)) };
}

/** The values given to a flag: `useradd -u 1000` and `useradd --uid=1000` -> `['1000']`. */
export function flagValues(command: ShellCommand, ...names: string[]): string[] {
  return flagsOf(command)
    .filter(({ flag }) => names.includes(flag))
    .map(({ index }) =>
      inlineValue(command, index)
        ? command.args[index].slice(command.args[index].indexOf('=') + 1)
        : command.args[index + 1],
    )
    .filter((value): value is string => value !== undefined);
}

/** The last path component of a command name: `/usr/bin/pip3` -> `pip3`. */
export function basename(name: string): string {
  return name.slice(name.lastIndexOf('/') + 1);
}
