// What a template's text says about each of its lines: whether the line is literal text, literal
// text with template actions in it, or actions only; and which values paths its actions read
// (following `with`/`range` context and `include`d helpers). No Go template engine is needed for
// that: helm has already rendered; this only has to recognise lines and references.
import type { ValuesPath } from './values-tree.js';

export type LineKind = 'skip' | 'literal' | 'mixed' | 'emit';

export interface TemplateLine {
  kind: LineKind;
  /** Literal pieces of the trimmed line; an output action sits between each two (and at the
   *  start/end when `openStart`/`openEnd`). */
  pieces: string[];
  openStart: boolean;
  openEnd: boolean;
  /** Non-blank literal characters: how strongly a match on this line anchors the alignment. */
  weight: number;
  /** Values paths read by this line's output actions (`*` = any key or index of a `range`). */
  refs: ValuesPath[];
  /** Helpers this line's output actions `include`. */
  includes: string[];
  /** A literal `---` at the start of the line: helm starts a new document there. */
  separator: boolean;
}

export interface Define {
  refs: ValuesPath[];
  includes: string[];
  /** 0-based lines of the `define` and of its `end`. */
  startLine: number;
  endLine: number;
}

export interface TemplateModel {
  lines: TemplateLine[];
  defines: Map<string, Define>;
}

interface Action {
  start: number;
  end: number;
  body: string;
}

/** Where helm splits its output into documents: `---` at the start of a line (an indented one
 *  is text inside a block scalar). */
const DOCUMENT_SEPARATOR = /^---[ \t]*\r?\n?$/;
const CONTROL = /^(?:if|else|end|range|with|define|block|break|continue)\b/;
const ASSIGNMENT = /^\$\w*\s*:?=/;
const BUILTIN_ROOTS = new Set([
  'Release',
  'Chart',
  'Capabilities',
  'Template',
  'Files',
  'Subcharts',
]);
const TOKEN = /\$\w*(?:\.[A-Za-z_]\w*)*|\.[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*|(?<![\w)\]])\.(?![\w.])/g;
const INDEX_VALUES = /\bindex\s+(?:\$|\.\w+)?\.Values((?:\s+"[^"\\]*")+)/g;
/** String literals in an action, blanked before looking for references in it. */
const STRING_LITERALS = /"(?:[^"\\]|\\.)*"|`[^`]*`/g;
const VARIABLE = /\$\w+/g;
const INCLUDE = /\b(?:include|template)\s+"([^"]+)"/g;

/** `{{ ... }}` actions, skipping `}}` inside string literals and comments. */
function actions(text: string): Action[] {
  const found: Action[] = [];
  let index = text.indexOf('{{');
  while (index !== -1) {
    let cursor = index + 2;
    let end = -1;
    while (cursor < text.length) {
      const char = text[cursor];
      if (char === '"' || char === '`' || char === "'") {
        const close = char;
        cursor++;
        while (cursor < text.length && text[cursor] !== close) {
          cursor += text[cursor] === '\\' && close !== '`' ? 2 : 1;
        }
        cursor++;
      } else if (text.startsWith('/*', cursor)) {
        const close = text.indexOf('*/', cursor + 2);
        cursor = close === -1 ? text.length : close + 2;
      } else if (text.startsWith('}}', cursor)) {
        end = cursor + 2;
        break;
      } else {
        cursor++;
      }
    }
    if (end === -1) break; // unterminated: helm reports the parse error
    const body = text
      .slice(index + 2, end - 2)
      .replace(/^-\s/, '')
      .replace(/\s-$/, '')
      .trim();
    found.push({ start: index, end, body });
    index = text.indexOf('{{', end);
  }
  return found;
}

/** What each `$variable` may hold: the values paths its assignment read. */
type Variables = Map<string, ValuesPath[]>;
/** A variable built up step by step (`$x = merge $x .Values.a`) keeps only its first sources:
 *  a value is written from one of a few, and the list must not grow with every step. */
const MAX_VARIABLE_REFS = 4;

function distinct(refs: readonly ValuesPath[]): ValuesPath[] {
  const seen = new Set<string>();
  return refs.filter((ref) => {
    const key = ref.join('\0');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

type Frame = { kind: 'with' | 'range' | 'if' | 'define'; context?: ValuesPath; define?: string };

/** Values path an expression reads, relative to the current context. */
function referencesIn(
  body: string,
  context: ValuesPath | undefined,
  variables: Variables,
): ValuesPath[] {
  const refs: ValuesPath[] = [];
  for (const match of body.matchAll(INDEX_VALUES)) {
    refs.push([...match[1].matchAll(/"([^"\\]*)"/g)].map((m) => m[1]));
  }
  const code = body.replace(STRING_LITERALS, '""');
  for (const [token] of code.matchAll(TOKEN)) {
    const segments = token.split('.');
    const head = segments[0]; // '' for `.x`, '$' or '$name' for variables
    const rest = segments.slice(1).filter(Boolean);
    const valuesAt = rest.indexOf('Values');
    if (valuesAt !== -1) {
      refs.push(rest.slice(valuesAt + 1));
    } else if (head === '' && context && !BUILTIN_ROOTS.has(rest[0])) {
      refs.push([...context, ...rest]);
    } else if (head.startsWith('$') && head.length > 1 && variables.has(head)) {
      for (const base of variables.get(head)!) refs.push([...base, ...rest]);
    }
  }
  return refs.filter((ref) => ref.length > 0);
}

function firstReference(
  expression: string,
  context: ValuesPath | undefined,
  variables: Variables,
): ValuesPath | undefined {
  return referencesIn(expression, context, variables)[0];
}

export function parseTemplate(text: string): TemplateModel {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
  const lineOf = (offset: number) => {
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (lineStarts[mid] <= offset) low = mid;
      else high = mid - 1;
    }
    return low;
  };

  // `open`/`close`: an inline `if`/`with`/`range` and its `end`: text between them is optional.
  type Piece = { literal: string } | { output: true } | { open: true } | { close: true };
  const pieces: Piece[][] = lineStarts.map(() => []);
  const lineRefs: ValuesPath[][] = lineStarts.map(() => []);
  const lineIncludes: string[][] = lineStarts.map(() => []);
  const defines = new Map<string, Define>();
  const stack: Frame[] = [];
  const variables: Variables = new Map();
  /** Variables holding a helper's output, and the helpers. */
  const includedBy = new Map<string, string[]>();
  const context = () => {
    for (let i = stack.length - 1; i >= 0; i--) {
      if (stack[i].kind === 'define') return undefined;
      if (stack[i].kind !== 'if') return stack[i].context;
    }
    return undefined;
  };
  const currentDefine = () => stack.findLast((frame) => frame.kind === 'define')?.define;

  const addLiteral = (from: number, to: number) => {
    let offset = from;
    while (offset < to) {
      const line = lineOf(offset);
      const lineEnd = Math.min(to, (lineStarts[line + 1] ?? text.length + 1) - 1);
      if (lineEnd > offset) pieces[line].push({ literal: text.slice(offset, lineEnd) });
      offset = lineEnd + 1;
    }
  };

  let previousEnd = 0;
  for (const action of actions(text)) {
    addLiteral(previousEnd, action.start);
    previousEnd = action.end;
    const { body } = action;
    const line = lineOf(action.start);
    if (body.startsWith('/*')) continue;
    const keyword = CONTROL.exec(body)?.[0];
    if (keyword) {
      const rest = body.slice(keyword.length);
      if (keyword === 'if' || keyword === 'with' || keyword === 'range')
        pieces[line].push({ open: true });
      if (keyword === 'end') pieces[line].push({ close: true });
      if (keyword === 'end') {
        const closed = stack.pop();
        const define = closed?.define && defines.get(closed.define);
        if (define) define.endLine = line;
      } else if (keyword === 'if' || keyword === 'block') stack.push({ kind: 'if' });
      else if (keyword === 'define') {
        const name = /"([^"]+)"/.exec(rest)?.[1];
        stack.push({ kind: 'define', define: name });
        if (name) defines.set(name, { refs: [], includes: [], startLine: line, endLine: line });
      } else if (keyword === 'with') {
        stack.push({ kind: 'with', context: firstReference(rest, context(), variables) });
      } else if (keyword === 'range') {
        const assignment = /^\s*(\$\w+)\s*(?:,\s*(\$\w+)\s*)?:=(.*)$/s.exec(rest);
        const target = firstReference(assignment ? assignment[3] : rest, context(), variables);
        const items = target && [...target, '*'];
        if (assignment && items) variables.set(assignment[2] ?? assignment[1], [items]);
        stack.push({ kind: 'range', context: items });
      }
      continue;
    }
    const assignment = ASSIGNMENT.exec(body);
    const refs = referencesIn(body, context(), variables);
    const includes = [...body.matchAll(INCLUDE)].map((match) => match[1]);
    if (assignment) {
      // `$x := .Values.a` lets later `$x.b` resolve to `a.b` (`$x := .Values.a | default
      // .Values.c`: to either); `$x := include "h" .` lets a
      // later `{{ $x | nindent 6 }}` be followed into `h`.
      const name = /^\$\w*/.exec(body)![0];
      if (refs.length && name.length > 1)
        variables.set(name, distinct(refs).slice(0, MAX_VARIABLE_REFS));
      if (includes.length && name.length > 1) includedBy.set(name, includes);
      continue;
    }
    for (const [variable] of body.replace(STRING_LITERALS, '""').matchAll(VARIABLE)) {
      includes.push(...(includedBy.get(variable) ?? []));
    }
    const define = currentDefine();
    if (define) {
      defines.get(define)?.refs.push(...refs);
      defines.get(define)?.includes.push(...includes);
    }
    pieces[line].push({ output: true });
    lineRefs[line].push(...refs);
    lineIncludes[line].push(...includes);
  }
  addLiteral(previousEnd, text.length);

  const lines = pieces.map((linePieces, index): TemplateLine => {
    const literals: string[] = [];
    let openStart = false;
    let pendingHole = false;
    let hasOutput = false;
    let depth = 0;
    for (const piece of linePieces) {
      if ('open' in piece) depth++;
      else if ('close' in piece) depth = Math.max(0, depth - 1);
      if ('open' in piece || 'close' in piece) continue;
      if ('output' in piece || depth > 0) {
        hasOutput = true;
        pendingHole = true;
        if (literals.length === 0) openStart = true;
        continue;
      }
      if (pendingHole || literals.length === 0) literals.push(piece.literal);
      else literals[literals.length - 1] += piece.literal;
      pendingHole = false;
    }
    const openEnd = pendingHole;
    if (literals.length) {
      literals[0] = literals[0].trimStart();
      literals[literals.length - 1] = literals[literals.length - 1].trimEnd();
      if (literals[0] === '' && literals.length > 1) {
        literals.shift();
        openStart = true;
      } else if (literals[0] === '' && hasOutput) {
        literals.shift();
      }
    }
    const weight = literals.join('').replace(/\s/g, '').length;
    const kind: LineKind =
      weight > 0 ? (hasOutput ? 'mixed' : 'literal') : hasOutput ? 'emit' : 'skip';
    return {
      kind,
      pieces: weight > 0 ? literals : [],
      openStart,
      openEnd,
      weight,
      refs: lineRefs[index],
      includes: lineIncludes[index],
      separator:
        kind === 'literal' &&
        DOCUMENT_SEPARATOR.test(
          text.slice(lineStarts[index], lineStarts[index + 1] ?? text.length),
        ),
    };
  });
  return { lines, defines };
}

/** Whether a trimmed rendered line is what a template line's pattern produces. */
export function matchesLine(line: TemplateLine, rendered: string): boolean {
  const { pieces } = line;
  if (pieces.length === 0) return false;
  if (pieces.length === 1 && !line.openStart && !line.openEnd) return rendered === pieces[0];
  let cursor = 0;
  for (let i = 0; i < pieces.length; i++) {
    const piece = pieces[i];
    if (i === 0 && !line.openStart) {
      if (!rendered.startsWith(piece)) return false;
      cursor = piece.length;
      continue;
    }
    if (i === pieces.length - 1 && !line.openEnd) {
      return rendered.length - piece.length >= cursor && rendered.endsWith(piece);
    }
    const found = rendered.indexOf(piece, cursor);
    if (found === -1) return false;
    cursor = found + piece.length;
  }
  return true;
}
