// RUN bodies parsed with a real shell parser (mvdan-sh, the GopherJS build of mvdan.cc/sh/v3) into
// plain data the Dockerfile rules read: every simple command with its name and arguments, where it
// sits in `&&`/`||` chains, pipelines and subshells, and whether the script has a pipe. Words are
// simplified the way hadolint does it (ShellCheck's `oversimplify`): quotes removed, an expansion
// we cannot resolve reads `${VAR}`. Built once per instruction by parseDockerfile.
import sh, { type ShNode } from 'mvdan-sh';

const { syntax } = sh;
// One parser for the whole process: creating it is the expensive part, parsing is cheap.
const parser = syntax.NewParser();

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
  /** Every simple command in source order, outer before nested. */
  commands: ShellCommand[];
  /** Number of `|` and `|&` operators. */
  pipes: number;
}

/** Known variable values (ARG/ENV in scope), used to resolve `$NAME` and `${NAME}` in words. */
export type ShellVariables = ReadonlyMap<string, string>;

const NO_VARIABLES: ShellVariables = new Map();

// mvdan.cc/sh/v3/syntax BinCmdOperator values.
const BINARY_OPERATORS: Record<number, ShellOperator> = { 10: '&&', 11: '||', 12: '|', 13: '|&' };

interface Context {
  statement: number;
  operator?: ShellOperator;
  pipeline: boolean;
  subshell: boolean;
}

// Go structs seen from JavaScript: fields by name.
type Fields = ShNode & Record<string, unknown>;

export function parseShell(script: string, variables: ShellVariables = NO_VARIABLES): ParsedShell {
  const shell: ParsedShell = { script, parsed: true, commands: [], pipes: 0 };
  let file: Fields;
  try {
    file = parser.Parse(script, '') as Fields;
  } catch {
    // hadolint skips what ShellCheck cannot parse; so do we.
    return { ...shell, parsed: false };
  }
  try {
    new Walker(script, variables, shell).statements(file.Stmts as Fields[], undefined, true);
  } catch {
    // A node shape this walker does not know: better no commands than a crashed scan.
    return { ...shell, parsed: false, commands: [], pipes: 0 };
  }
  return shell;
}

class Walker {
  private statementIndex = -1;

  constructor(
    private readonly script: string,
    private readonly variables: ShellVariables,
    private readonly shell: ParsedShell,
  ) {}

  statements(stmts: readonly Fields[], context: Context | undefined, topLevel = false): void {
    for (const stmt of stmts) {
      if (topLevel) this.statementIndex++;
      this.stmt(stmt, context ?? this.fresh());
    }
  }

  private fresh(): Context {
    return { statement: Math.max(this.statementIndex, 0), pipeline: false, subshell: false };
  }

  private stmt(stmt: Fields, context: Context): void {
    const command = stmt.Cmd as Fields | null;
    if (command) this.node(command, context);
    const redirects = (stmt.Redirs as Fields[] | null) ?? [];
    for (const redirect of redirects) {
      const heredoc = redirect.Hdoc as Fields | null;
      if (!command && heredoc) {
        // `RUN <<EOF ... EOF`: the heredoc is the script the shell runs.
        this.heredocScript(heredoc, redirect.Word as Fields | null, context);
      } else {
        this.children(redirect, context);
      }
    }
  }

  private heredocScript(heredoc: Fields, delimiter: Fields | null, context: Context): void {
    // Offsets count bytes; the heredoc node ends after its closing delimiter line.
    const bytes = Buffer.from(this.script);
    const lines = bytes
      .subarray(heredoc.Pos().Offset(), heredoc.End().Offset())
      .toString()
      .split('\n');
    const closing = delimiter ? literalWord(delimiter) : undefined;
    if (closing !== undefined && lines.at(-1)?.trim() === closing) lines.pop();
    const body = lines.join('\n');
    try {
      const file = parser.Parse(body, '') as Fields;
      this.statements(file.Stmts as Fields[], context);
    } catch {
      // A heredoc that is not shell (data for another program): nothing to read.
    }
  }

  private node(node: Fields, context: Context): void {
    switch (syntax.NodeType(node)) {
      case 'Lit':
        return;
      case 'Stmt':
        // A statement in a body (`if`, `{ }`, loops) starts its own chain.
        return this.stmt(node, { ...context, operator: undefined });
      case 'CallExpr':
        return this.call(node, context);
      case 'DeclClause':
        return this.declaration(node, context);
      case 'BinaryCmd':
        return this.binary(node, context);
      case 'Subshell':
      case 'CmdSubst':
      case 'ProcSubst':
        return this.statements(node.Stmts as Fields[], { ...this.nested(context), subshell: true });
      case 'Word':
        return this.word(node, context);
      default:
        return this.children(node, context);
    }
  }

  /** Nested commands start their own chain, outside any pipeline. */
  private nested(context: Context): Context {
    return { statement: context.statement, pipeline: false, subshell: context.subshell };
  }

  private binary(node: Fields, context: Context): void {
    const operator = BINARY_OPERATORS[node.Op as number];
    const pipe = operator === '|' || operator === '|&';
    if (pipe) this.shell.pipes++;
    const inner = { ...context, pipeline: context.pipeline || pipe };
    this.stmt(node.X as Fields, inner);
    this.stmt(node.Y as Fields, { ...inner, operator });
  }

  private call(node: Fields, context: Context): void {
    const words = (node.Args as Fields[] | null) ?? [];
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
    for (const assign of (node.Assigns as Fields[] | null) ?? []) this.children(assign, inner);
    for (const word of words) this.word(word, inner);
  }

  /** `export A=1 B`, `local`, `declare`, `readonly`, `typeset`: a command named by the keyword. */
  private declaration(node: Fields, context: Context): void {
    const variant = (node.Variant as Fields | null)?.Value as string | undefined;
    const assigns = (node.Args as Fields[] | null) ?? [];
    const args = assigns.map((assign) => {
      const name = (assign.Name as Fields | null)?.Value as string | undefined;
      const value = assign.Value as Fields | null;
      if (assign.Naked) return name ?? (value ? this.text(value) : '');
      return `${name ?? ''}=${value ? this.text(value) : ''}`;
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
  private word(word: Fields, context: Context): void {
    for (const part of (word.Parts as Fields[] | null) ?? []) this.wordPart(part, context);
  }

  private wordPart(part: Fields, context: Context): void {
    switch (syntax.NodeType(part)) {
      case 'Lit':
      case 'SglQuoted':
        return;
      case 'DblQuoted':
        for (const inner of (part.Parts as Fields[] | null) ?? []) this.wordPart(inner, context);
        return;
      default:
        this.node(part, context);
    }
  }

  /** Visits the direct children of a node we have no special handling for. */
  private children(node: Fields, context: Context): void {
    let self = true;
    syntax.Walk(node, (child) => {
      if (!child) return false;
      if (self) {
        self = false;
        return true;
      }
      this.node(child as Fields, context);
      return false;
    });
  }

  /** A word as hadolint sees it: quotes removed, known variables substituted, any other
   *  expansion as `${VAR}`. */
  text(word: Fields): string {
    return ((word.Parts as Fields[] | null) ?? [])
      .map((part) => this.partText(part, false))
      .join('');
  }

  private partText(part: Fields, quoted: boolean): string {
    switch (syntax.NodeType(part)) {
      case 'Lit':
        return unescapeLiteral(part.Value as string, quoted);
      case 'SglQuoted':
        return part.Value as string;
      case 'DblQuoted':
        return ((part.Parts as Fields[] | null) ?? [])
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
  private parameter(part: Fields): string | undefined {
    if (part.Excl || part.Length || part.Width || part.Index || part.Slice || part.Repl) {
      return undefined;
    }
    if (part.Exp) return undefined;
    const name = (part.Param as Fields | null)?.Value as string | undefined;
    return name === undefined ? undefined : this.variables.get(name);
  }
}

/** The word's text when it is made only of literal and quoted text (no expansion). */
function literalWord(word: Fields): string | undefined {
  let text = '';
  const add = (part: Fields, quoted: boolean): boolean => {
    switch (syntax.NodeType(part)) {
      case 'Lit':
        text += unescapeLiteral(part.Value as string, quoted);
        return true;
      case 'SglQuoted':
        text += part.Value as string;
        return true;
      case 'DblQuoted':
        return ((part.Parts as Fields[] | null) ?? []).every((inner) => add(inner, true));
      default:
        return false;
    }
  };
  return ((word.Parts as Fields[] | null) ?? []).every((part) => add(part, false))
    ? text
    : undefined;
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
  const names = typeof name === 'string' ? [name] : name;
  if (!names.includes(command.name)) return false;
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
