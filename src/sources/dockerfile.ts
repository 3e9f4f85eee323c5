// Dockerfiles, parsed once with dockerfile-ast into a model the rules read: instructions with
// their lines, flags and arguments, build stages, comments. Rules never search the text.
import {
  DockerfileParser,
  type Dockerfile,
  type Flag,
  type Instruction,
  type Label,
  type Onbuild,
} from 'dockerfile-ast';
import { parseShell, type ParsedShell } from './shell.js';

export interface DockerFlag {
  name: string;
  /** `null` for a flag without `=value`. */
  value: string | null;
}

export interface DockerInstruction {
  /** Upper-case keyword: `RUN`, `FROM`, ... For an `ONBUILD` trigger, the trigger's keyword. */
  keyword: string;
  /** 1-based first and last line (continuations and heredocs included). */
  line: number;
  endLine: number;
  flags: DockerFlag[];
  /** The arguments after the flags, as written (continuations joined, comment lines dropped). */
  text: string;
  /** `text` split into words the way Docker does for COPY/ADD/WORKDIR..., quotes removed. */
  words: string[];
  /** Exec (JSON) form of RUN/CMD/ENTRYPOINT/SHELL..., when the arguments are a JSON string array. */
  exec?: string[];
  /** Key/value pairs of LABEL and ENV (values unquoted; `null` for the legacy `ENV key` form). */
  properties?: Array<{ name: string; value: string | null }>;
  /** RUN and SHELL: the arguments parsed as a shell script, once. The exec form is read as its
   *  words joined by spaces, as hadolint does. Absent below a `# hadolint shell=` pragma that
   *  names a non-POSIX shell (PowerShell, cmd): shell rules then skip the instruction. */
  shell?: ParsedShell;
  /** Set on the trigger of an `ONBUILD` instruction. */
  onbuild?: boolean;
  /** The trigger of an `ONBUILD` instruction. */
  trigger?: DockerInstruction;
  /** Index of the build stage (0-based); -1 before the first FROM. */
  stage: number;
}

export interface DockerStage {
  index: number;
  /** The FROM instruction that opens the stage. */
  from: DockerInstruction;
  /** Image reference as written (`debian:12`, `$BASE`, a previous stage's name). */
  image: string;
  /** `AS name`, lower-cased as BuildKit compares it. */
  alias?: string;
  /** The earlier stage this one builds on: its FROM names that stage. */
  base?: number;
  instructions: DockerInstruction[];
}

export interface DockerComment {
  line: number;
  /** The text after `#`, trimmed. */
  text: string;
}

export interface DockerfileModel {
  /** Repository-relative path. */
  file: string;
  text: string;
  ast: Dockerfile;
  /** Every instruction in file order (an ONBUILD once, with its `trigger`). */
  instructions: DockerInstruction[];
  stages: DockerStage[];
  /** Each stage name and the first stage that has it (BuildKit refuses a name given twice,
   *  DL3024): one lookup, so that rules stay linear in the number of stages. */
  stageNames: ReadonlyMap<string, number>;
  /** Comment lines outside instructions, parser directives included. */
  comments: DockerComment[];
  escapeChar: string;
}

/** Parses a Dockerfile and every RUN body in it; the shell parser must be loaded first
 *  (`await loadShellParser()`). */
export function parseDockerfile(text: string, file: string): DockerfileModel {
  const ast = DockerfileParser.parse(text);
  const escapeChar = ast.getEscapeCharacter();
  const lines = text.split(/\r?\n/);
  const instructions: DockerInstruction[] = [];
  const stages: DockerStage[] = [];
  const stageNames = new Map<string, number>();
  const covered = new Set<number>();

  for (const node of ast.getInstructions()) {
    const stageIndex = node.getKeyword() === 'FROM' ? stages.length : stages.length - 1;
    const instruction = toInstruction(node, lines, escapeChar, stageIndex);
    for (let line = instruction.line; line <= instruction.endLine; line++) covered.add(line);
    if (instruction.keyword === 'FROM') {
      const [image = '', as, alias] = instruction.words;
      const base = stageNames.get(image.toLowerCase());
      const name = as?.toLowerCase() === 'as' && alias ? alias.toLowerCase() : undefined;
      stages.push({
        index: stageIndex,
        from: instruction,
        image,
        ...(name ? { alias: name } : {}),
        ...(base !== undefined ? { base } : {}),
        instructions: [],
      });
      if (name && !stageNames.has(name)) stageNames.set(name, stageIndex);
    }
    stages[stageIndex]?.instructions.push(instruction);
    instructions.push(instruction);
  }

  const comments: DockerComment[] = [];
  lines.forEach((content, index) => {
    const match = /^\s*#(.*)$/.exec(content);
    if (match && !covered.has(index + 1)) comments.push({ line: index + 1, text: match[1].trim() });
  });
  parseShellBodies(instructions, stages, comments);
  return { file, text, ast, instructions, stages, stageNames, comments, escapeChar };
}

// The shells `# hadolint shell=` can name that still read POSIX shell syntax.
export const POSIX_SHELLS = new Set(['sh', 'bash', 'dash', 'ash', 'ksh', 'mksh', 'zsh', 'busybox']);

/** Parses every RUN and SHELL body once, with the ARG and ENV values in scope so `$VERSION` reads
 *  as its value: ARG values from the line they are declared on (hadolint does not reset them per
 *  stage), ENV values per stage, inherited by a stage built `FROM` an earlier one. */
function parseShellBodies(
  instructions: readonly DockerInstruction[],
  stages: readonly DockerStage[],
  comments: readonly DockerComment[],
): void {
  const shellPragmas = comments.flatMap((comment) => {
    const shell = /^hadolint\s+shell\s*=\s*(\S+)/i.exec(comment.text)?.[1];
    if (!shell) return [];
    const name = shell.replace(/^.*[\\/]/, '').toLowerCase();
    return [{ line: comment.line, posix: POSIX_SHELLS.has(name) }];
  });
  const args = new Map<string, string>();
  // A stage's ENV is kept until the last stage built on it starts.
  const stageEnv: Array<StageEnv | undefined> = [];
  const lastBuiltOn: number[] = [];
  for (const { base, index } of stages) if (base !== undefined) lastBuiltOn[base] = index;
  let env = new StageEnv();
  // Instructions and pragmas are both in line order: the pragmas before an instruction so far.
  let pragmasBefore = 0;
  for (const instruction of instructions) {
    if (instruction.keyword === 'FROM') {
      const { base, index } = stages[instruction.stage];
      env = new StageEnv(base !== undefined ? stageEnv[base] : undefined);
      if (base !== undefined && lastBuiltOn[base] === index) stageEnv[base] = undefined;
      if (lastBuiltOn[index] !== undefined) stageEnv[index] = env;
    } else if (instruction.keyword === 'ARG') {
      for (const word of instruction.words) {
        const equals = word.indexOf('=');
        if (equals > 0) args.set(word.slice(0, equals), word.slice(equals + 1));
      }
    } else if (instruction.keyword === 'ENV') {
      for (const { name, value } of instruction.properties ?? []) {
        if (value !== null) env.set(name, value);
      }
    }
    const target = instruction.trigger ?? instruction;
    if (target.keyword !== 'RUN' && target.keyword !== 'SHELL') continue;
    while (
      pragmasBefore < shellPragmas.length &&
      shellPragmas[pragmasBefore].line < instruction.line
    )
      pragmasBefore++;
    const pragma = shellPragmas[pragmasBefore - 1];
    if (pragma && !pragma.posix) continue;
    const script = target.exec ? target.exec.join(' ') : target.text;
    // Read as they are at this line (never copied: a copy per RUN is quadratic), ENV first.
    target.shell = parseShell(script, { get: (name) => env.get(name) ?? args.get(name) });
  }
}

/** How many stages' ENV layers a lookup looks through at most before they are merged into one. */
const MAX_ENV_DEPTH = 128;

/**
 * The ENV values of a stage: its own, then those of the stage it builds on. That stage is
 * complete when this one starts, so it is referred to, not copied: a chain of stages that each
 * add a variable would copy quadratically. Every MAX_ENV_DEPTH stages down a chain the layers are
 * merged once, so that a lookup stays short.
 */
class StageEnv {
  private readonly own: Map<string, string>;
  private readonly base: StageEnv | undefined;
  private readonly depth: number;

  constructor(base?: StageEnv) {
    // A stage that set nothing adds nothing to look through.
    const from = base && base.own.size === 0 ? base.base : base;
    if (from && from.depth >= MAX_ENV_DEPTH) {
      this.own = from.merged();
      this.depth = 0;
    } else {
      this.own = new Map();
      this.base = from;
      this.depth = from ? from.depth + 1 : 0;
    }
  }

  set(name: string, value: string): void {
    this.own.set(name, value);
  }

  /** Recursion at most MAX_ENV_DEPTH deep. */
  get(name: string): string | undefined {
    return this.own.get(name) ?? this.base?.get(name);
  }

  private merged(): Map<string, string> {
    const merged = this.base ? this.base.merged() : new Map<string, string>();
    for (const [name, value] of this.own) merged.set(name, value);
    return merged;
  }
}

function toInstruction(
  node: Instruction,
  lines: readonly string[],
  escapeChar: string,
  stage: number,
): DockerInstruction {
  const keyword = node.getKeyword().toUpperCase();
  const range = node.getRange();
  const flags = 'getFlags' in node ? (node.getFlags as () => Flag[])() : [];
  const text = argumentText(node, lines, escapeChar, flags);
  const instruction: DockerInstruction = {
    keyword,
    line: range.start.line + 1,
    endLine: range.end.line + 1,
    flags: flags.map((flag) => ({ name: flag.getName(), value: flag.getValue() })),
    text,
    words: splitWords(text, escapeChar),
    stage,
  };
  const exec = execForm(text);
  if (exec) instruction.exec = exec;
  if (keyword === 'LABEL') {
    instruction.properties = (node as Label).getProperties().map((property) => ({
      name: unquote(property.getName()),
      value: property.getValue(),
    }));
  } else if (keyword === 'ENV') {
    instruction.properties = envProperties(instruction.words);
  } else if (keyword === 'ONBUILD') {
    const trigger = (node as Onbuild).getTriggerInstruction();
    if (trigger) {
      instruction.trigger = {
        ...toInstruction(trigger, lines, escapeChar, stage),
        onbuild: true,
        line: instruction.line,
        endLine: instruction.endLine,
      };
    }
  }
  return instruction;
}

/** The instruction's arguments after its flags, continuations joined and comment lines dropped,
 *  as the Docker builder sees them. */
function argumentText(
  node: Instruction,
  lines: readonly string[],
  escapeChar: string,
  flags: readonly Flag[],
): string {
  const argsRange = node.getArgumentsRange();
  if (!argsRange) return '';
  const lastFlag = flags.at(-1)?.getRange().end;
  const start = lastFlag ?? argsRange.start;
  const end = argsRange.end;
  const parts: string[] = [];
  // Once, not per line, and only when it can matter: dockerfile-ast re-reads every argument on
  // each call, and a heredoc changes only how continuation lines are joined.
  const heredoc =
    end.line > start.line &&
    lines.slice(start.line, end.line + 1).some((line) => line.includes('<<')) &&
    isHeredocBody(node);
  for (let line = start.line; line <= end.line; line++) {
    let content = lines[line] ?? '';
    if (line === end.line) content = content.slice(0, end.character);
    if (line === start.line) content = content.slice(start.character);
    else if (/^\s*#/.test(content)) continue;
    else if (/^\s*$/.test(content)) continue;
    if (line < end.line && content.trimEnd().endsWith(escapeChar) && !heredoc) {
      parts.push(content.trimEnd().slice(0, -1));
    } else {
      parts.push(content + (line < end.line ? '\n' : ''));
    }
  }
  return parts.join('').trim();
}

function isHeredocBody(node: Instruction): boolean {
  // getHeredocs() is public on RUN, COPY and ADD only.
  const withHeredocs = node as unknown as { getHeredocs?: () => unknown[] };
  return (withHeredocs.getHeredocs?.() ?? []).length > 0;
}

function execForm(text: string): string[] | undefined {
  if (!text.startsWith('[')) return undefined;
  try {
    const parsed: unknown = JSON.parse(text);
    if (Array.isArray(parsed) && parsed.every((item) => typeof item === 'string')) return parsed;
  } catch {
    // Not JSON: Docker runs it in shell form.
  }
  return undefined;
}

/** Splits on unquoted whitespace and removes quotes, as Docker does for COPY, WORKDIR, USER... */
export function splitWords(text: string, escapeChar = '\\'): string[] {
  const words: string[] = [];
  let current = '';
  let inWord = false;
  let quote: string | null = null;
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (quote) {
      if (char === quote) quote = null;
      else if (char === escapeChar && quote === '"' && /["\\$`]/.test(text[index + 1] ?? '')) {
        current += text[++index];
      } else current += char;
    } else if (char === '"' || char === "'") {
      quote = char;
      inWord = true;
    } else if (/\s/.test(char)) {
      if (inWord) words.push(current);
      current = '';
      inWord = false;
    } else {
      current += char;
      inWord = true;
    }
  }
  if (inWord) words.push(current);
  return words;
}

export function unquote(value: string): string {
  return /^(["']).*\1$/s.test(value) && value.length >= 2 ? value.slice(1, -1) : value;
}

function envProperties(words: readonly string[]): Array<{ name: string; value: string | null }> {
  // Legacy form `ENV key value with spaces`: one pair, the rest is the value.
  if (words.length > 0 && !words[0].includes('=')) {
    return [{ name: words[0], value: words.length > 1 ? words.slice(1).join(' ') : null }];
  }
  return words.map((word) => {
    const equals = word.indexOf('=');
    return equals < 0
      ? { name: word, value: null }
      : { name: word.slice(0, equals), value: word.slice(equals + 1) };
  });
}

export function flag(instruction: DockerInstruction, name: string): DockerFlag | undefined {
  return instruction.flags.find((candidate) => candidate.name === name);
}
