// Manifests into values and a position index, from js-yaml's event stream (offsets into the
// text, no document tree), in the dialect the Kubernetes API server reads: go-yaml v2 under
// sigs.k8s.io/yaml. YAML 1.1 scalars (yaml-resolve.ts), `<<` merge keys applied in document
// order as go-yaml v2 applies them, duplicate keys last-wins and reported, aliases shared (never
// copied) and counted by go-yaml v2's own alias-expansion limit, nesting bounded.
import {
  CHOMPING_MODE,
  EVENT_ID,
  getScalarValue,
  parseEvents,
  SCALAR_STYLE,
  type Event,
  type ScalarEvent,
} from 'js-yaml';
import { Composer, Parser } from 'yaml';
import type { DuplicateKeyInfo, Path } from './resource.js';
import { keyString, ResolveError, resolveScalar } from './yaml-resolve.js';
import {
  FIELDS,
  KIND_ALIAS,
  KIND_LEAF,
  KIND_MAP,
  KIND_SEQ,
  NO_KEY,
  packEntries,
  type KeyTable,
} from './yaml-position.js';

/** A key written more than once in one mapping: kubectl's strict decoding rejects it. Paths
 *  are from the document root here (manifests.ts makes them relative to each resource). */
export type DuplicateKey = DuplicateKeyInfo;

export interface LoadedDocument {
  value: unknown;
  /** Position entries (see yaml-position.ts). */
  positions: Int32Array | Uint16Array;
  duplicates: DuplicateKey[];
}

export interface FailedDocument {
  line: number;
  message: string;
}

export interface LoadOptions {
  keys: KeyTable;
  /** The stored copy of a string value (shared, detached from the text). */
  intern: (text: string) => string;
  lineOffset: number;
}

/** Deeper than any real manifest, well inside what the parser's recursion can take. */
const MAX_DEPTH = 1000;

// go-yaml v2's guard against alias bombs ("billion laughs"): the share of decoded nodes that
// come from alias expansion, allowed 99% up to 400,000 nodes and scaling down to 10% at 4M.
const ALIAS_RATIO_LOW = 400_000;
const ALIAS_RATIO_HIGH = 4_000_000;
function allowedAliasRatio(decoded: number): number {
  if (decoded <= ALIAS_RATIO_LOW) return 0.99;
  if (decoded >= ALIAS_RATIO_HIGH) return 0.1;
  return 0.99 - (0.89 * (decoded - ALIAS_RATIO_LOW)) / (ALIAS_RATIO_HIGH - ALIAS_RATIO_LOW);
}

const TAG_PREFIX = 'tag:yaml.org,2002:';
/** A quoted or block scalar without a tag: always a string. */
const NON_PLAIN = '!';

/** An error that fails one document (go-yaml refuses it): the message and where. */
class DocumentError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

/** Line numbers of offsets, for offsets that mostly increase (events in document order). */
class LineIndex {
  readonly starts: Int32Array;
  private last = 0;

  constructor(text: string) {
    let count = 1;
    for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) count++;
    const starts = new Int32Array(count);
    let line = 1;
    for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) {
      starts[line++] = at + 1;
    }
    this.starts = starts;
  }

  /** 1-based line of `offset`. */
  lineOf(offset: number): number {
    const { starts } = this;
    let line = this.last;
    if (starts[line] <= offset) {
      // Usually the same line or one of the next few.
      for (let step = 0; step < 4; step++) {
        if (line + 1 >= starts.length || starts[line + 1] > offset) {
          this.last = line;
          return line + 1;
        }
        line++;
      }
    }
    let low = 0;
    let high = starts.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (starts[mid] <= offset) low = mid + 1;
      else high = mid;
    }
    this.last = low - 1;
    return low;
  }
}

interface Anchor {
  value: unknown;
  entry: number;
  /** Decoded nodes one alias to it costs (go-yaml decodes the anchored node again). */
  size: number;
}

const ROOT = 0;
const MAP = 1;
const SEQ = 2;

interface Frame {
  type: typeof ROOT | typeof MAP | typeof SEQ;
  value: unknown;
  entry: number;
  flow: boolean;
  /** Offset just past the last child, for finding a flow collection's closing bracket. */
  lastEnd: number;
  /** Last line of the last child. */
  endLine: number;
  /** Column of a block collection's first key or `-`. */
  indent: number;
  anchor: string;
  decodedAtStart: number;
  // Maps: the pending key (null while a key is expected) and what it needs.
  key: string | null;
  keyIsMerge: boolean;
  keyId: number;
  keyLine: number;
  keyEnd: number;
  /** Keys a merge wrote (and no explicit key overwrote since). */
  merged: Set<string> | null;
}

/** Grows as needed; one per process, copied out per document. */
let scratch = new Int32Array(FIELDS * 4096);
const SCRATCH_KEPT = FIELDS * 65536;

/** Every document of `text`: its value and positions, or why it cannot be read. */
export function loadYamlStream(
  text: string,
  options: LoadOptions,
): Array<LoadedDocument | FailedDocument> {
  if (text.length > GROUP_CHARS) {
    // The parser's events take several times the text's size: for a whole file they live
    // long enough to be promoted, as garbage the old generation then grows with. Documents
    // are independent, so they are read a group of some 64 KB at a time (measured faster and
    // some 30 MB lower in peak memory on the bench's synthetic set than a file at once).
    const results: Array<LoadedDocument | FailedDocument> = [];
    for (const group of documentGroups(text, GROUP_CHARS)) {
      const lineOffset = options.lineOffset + group.line - 1;
      for (const result of loadGroup(group.text, { ...options, lineOffset })) results.push(result);
    }
    return results;
  }
  return loadGroup(text, options);
}

/** About this many characters of whole documents are parsed at once (whole documents: a
 *  larger one is a group of its own). */
const GROUP_CHARS = 1 << 16;

/**
 * `text` cut into runs of whole documents of about `size` characters, at `---` lines (with
 * the directive lines just before one), each with its first line.
 */
function documentGroups(text: string, size: number): Array<{ text: string; line: number }> {
  const groups: Array<{ text: string; line: number }> = [];
  let start = 0;
  let startLine = 1;
  let line = 1;
  // The directives (and the blank and comment lines among them) just before the next marker.
  let preambleStart = -1;
  let preambleLine = 0;
  for (let at = 0; at < text.length;) {
    const newline = text.indexOf('\n', at);
    const end = newline === -1 ? text.length : newline;
    const first = text.charCodeAt(at);
    if (
      first === 45 /* - */ &&
      text.startsWith('---', at) &&
      (end === at + 3 || /\s/.test(text[at + 3]))
    ) {
      const cut = preambleStart === -1 ? at : preambleStart;
      const cutLine = preambleStart === -1 ? line : preambleLine;
      if (cut - start >= size) {
        groups.push({ text: text.slice(start, cut), line: startLine });
        start = cut;
        startLine = cutLine;
      }
      preambleStart = -1;
    } else if (first === 37 /* % */) {
      if (preambleStart === -1) {
        preambleStart = at;
        preambleLine = line;
      }
    } else if (preambleStart !== -1 && !/^[ \t]*(?:#.*)?\r?$/.test(text.slice(at, end))) {
      preambleStart = -1;
    }
    if (newline === -1) break;
    at = newline + 1;
    line++;
  }
  groups.push({ text: text.slice(start), line: startLine });
  return groups;
}

function loadGroup(text: string, options: LoadOptions): Array<LoadedDocument | FailedDocument> {
  let events: Event[];
  try {
    events = parseEvents(text, { maxDepth: MAX_DEPTH });
  } catch (error) {
    return loadDocumentByDocument(text, options, error);
  }
  const loaded = new StreamLoader(text, events, options).load();
  // A huge document grew the scratch array: not kept for the rest of the process.
  if (scratch.length > SCRATCH_KEPT) scratch = new Int32Array(FIELDS * 4096);
  return loaded;
}

/** A syntax error stops the parser for the whole stream: the documents are read one by one,
 *  so that the others still load and the error names its own document's line. */
function loadDocumentByDocument(
  text: string,
  options: LoadOptions,
  error: unknown,
): Array<LoadedDocument | FailedDocument> {
  const chunks = splitDocuments(text);
  if (chunks.length <= 1) return [syntaxFailure(text, error, options.lineOffset)];
  const results: Array<LoadedDocument | FailedDocument> = [];
  for (const chunk of chunks) {
    const lineOffset = options.lineOffset + chunk.line - 1;
    for (const result of loadYamlStream(chunk.text, { ...options, lineOffset })) {
      results.push(result);
    }
  }
  return results;
}

/** The documents of a stream by their `---`/`...` marker lines (directives and comments stay
 *  with the document they precede). */
function splitDocuments(text: string): Array<{ text: string; line: number }> {
  const chunks: Array<{ text: string; line: number }> = [];
  const lines = text.split('\n');
  let start = 0;
  let onlyPreamble = true;
  const flush = (end: number) => {
    if (end > start) chunks.push({ text: lines.slice(start, end).join('\n'), line: start + 1 });
    start = end;
    onlyPreamble = true;
  };
  lines.forEach((line, index) => {
    if (/^---(?:[ \t]|$)/.test(line)) {
      if (!onlyPreamble) flush(index);
      onlyPreamble = false;
    } else if (/^\.\.\.(?:[ \t]|$)/.test(line)) {
      flush(index + 1);
    } else if (onlyPreamble && !/^(?:[ \t]*(?:#.*)?|%.*)$/.test(line)) {
      onlyPreamble = false;
    }
  });
  flush(lines.length);
  return chunks;
}

function syntaxFailure(text: string, error: unknown, lineOffset: number): FailedDocument {
  if (error instanceof RangeError) {
    return { line: lineOffset + 1, message: 'nesting too deep to parse' };
  }
  const { reason, mark } = error as { reason?: string; mark?: { position: number } };
  if (reason && /maxDepth/.test(reason)) {
    const line = new LineIndex(text).lineOf(mark?.position ?? 0) + lineOffset;
    return { line, message: 'nesting too deep to parse' };
  }
  // The `yaml` package names syntax errors more precisely ("Missing closing "quote" where
  // js-yaml says "deficient indentation" at the end of input): this is the error path only.
  const described = describeSyntaxError(text);
  const offset = described?.offset ?? mark?.position ?? 0;
  const message =
    described?.message ?? reason ?? String((error as Error).message ?? error).split('\n')[0];
  // An error at the end of input (an unclosed quote) is reported on the last line.
  const line = new LineIndex(text).lineOf(Math.max(0, Math.min(offset, text.trimEnd().length)));
  return { line: line + lineOffset, message };
}

/** The `yaml` package's first error in `text` (one document), if it sees one. */
function describeSyntaxError(text: string): { offset: number; message: string } | undefined {
  try {
    for (const doc of new Composer().compose(new Parser().parse(text))) {
      const problem = doc.errors[0];
      if (!problem) continue;
      const message = problem.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
      return { offset: problem.pos[0], message };
    }
  } catch {
    // Its recursion on absurd nesting: js-yaml's message then.
  }
  return undefined;
}

class StreamLoader {
  private readonly lines: LineIndex;
  private readonly keys: KeyTable;
  private readonly intern: (text: string) => string;
  private readonly lineOffset: number;
  private index = 0;
  // Per document:
  private count = 0;
  private anchors = new Map<string, Anchor>();
  private decoded = 0;
  private aliased = 0;
  private duplicates: DuplicateKey[] = [];
  private stack: Frame[] = [];

  constructor(
    private readonly text: string,
    private readonly events: Event[],
    options: LoadOptions,
  ) {
    this.lines = new LineIndex(text);
    this.keys = options.keys;
    this.intern = options.intern;
    this.lineOffset = options.lineOffset;
  }

  load(): Array<LoadedDocument | FailedDocument> {
    const results: Array<LoadedDocument | FailedDocument> = [];
    const { events } = this;
    while (this.index < events.length) {
      const event = events[this.index++];
      if (event.type !== EVENT_ID.DOCUMENT) continue;
      try {
        results.push(this.document());
      } catch (error) {
        if (!(error instanceof DocumentError || error instanceof ResolveError)) throw error;
        const offset = error instanceof DocumentError ? error.offset : this.lastOffset;
        results.push({ line: this.line(offset), message: error.message });
        this.skipDocument();
      }
    }
    return results;
  }

  private line(offset: number): number {
    return this.lines.lineOf(offset) + this.lineOffset;
  }

  /** After a failed document: past the POP events of every open node and of the document. */
  private skipDocument(): void {
    let open = this.stack.length;
    const { events } = this;
    while (this.index < events.length && open > 0) {
      const type = events[this.index++].type;
      if (type === EVENT_ID.POP) open--;
      else if (type === EVENT_ID.MAPPING || type === EVENT_ID.SEQUENCE) open++;
    }
  }

  /** Offset of the last node seen, for errors raised while resolving it. */
  private lastOffset = 0;
  /** Offset of the document's root node. */
  private rootStart = 0;

  private document(): LoadedDocument {
    this.count = 0;
    this.anchors = new Map();
    this.decoded = 1; // the document node
    this.aliased = 0;
    this.duplicates = [];
    const root: Frame = this.frame(ROOT, undefined, -1, false, 0, '');
    this.stack = [root];
    const { events, text } = this;
    while (this.stack.length) {
      const event = events[this.index++];
      switch (event.type) {
        case EVENT_ID.SCALAR: {
          const start = event.valueStart;
          this.lastOffset = start === -1 ? this.lastOffset : start;
          const raw = start === -1 ? '' : getScalarValue(text, event);
          const tag = this.tagOf(event.tagStart, event.tagEnd, event.style);
          const top = this.stack[this.stack.length - 1];
          if (top.type === MAP && top.key === null) {
            this.mapKey(top, raw, tag, event);
            break;
          }
          this.decoded++;
          let value: unknown = resolveScalar(tag, raw);
          if (typeof value === 'string') value = this.intern(value);
          const position = this.scalarStart(event);
          const endOffset =
            start !== -1 ? event.valueEnd : top.type === MAP ? top.keyEnd : top.lastEnd;
          const entry = this.open(top, KIND_LEAF, position);
          const endLine =
            start === -1 ? this.entryLine(entry) : this.scalarEndLine(event, position);
          this.close(entry);
          if (event.anchorStart !== -1) {
            const name = text.slice(event.anchorStart, event.anchorEnd);
            this.anchors.set(name, { value, entry, size: 1 });
          }
          this.child(top, value, entry, endLine, endOffset);
          break;
        }
        case EVENT_ID.MAPPING:
        case EVENT_ID.SEQUENCE: {
          const top = this.stack[this.stack.length - 1];
          const isKey = top.type === MAP && top.key === null;
          this.lastOffset = event.start;
          const decodedAtStart = this.decoded++;
          const isMap = event.type === EVENT_ID.MAPPING;
          const entry = this.open(top, isMap ? KIND_MAP : KIND_SEQ, event.start);
          const anchor =
            event.anchorStart === -1 ? '' : text.slice(event.anchorStart, event.anchorEnd);
          const flow = event.style === 2;
          const frame = this.frame(
            isMap ? MAP : SEQ,
            isMap ? {} : [],
            entry,
            flow,
            decodedAtStart,
            anchor,
          );
          frame.lastEnd = event.start + 1;
          if (!flow)
            frame.indent = event.start - this.lines.starts[this.lines.lineOf(event.start) - 1];
          frame.endLine = this.entryLine(entry);
          this.stack.push(frame);
          // go-yaml: "invalid map key" (JSON has no such key); after the push, so that the
          // document is skipped to its end.
          if (isKey) throw new DocumentError('invalid map key: a collection', event.start);
          break;
        }
        case EVENT_ID.ALIAS: {
          const name = text.slice(event.anchorStart, event.anchorEnd);
          this.lastOffset = event.anchorStart;
          const anchor = this.anchors.get(name);
          if (!anchor) {
            const open = this.stack.some((frame) => frame.anchor === name);
            throw new DocumentError(
              open
                ? `anchor '${name}' value contains itself`
                : `unknown anchor '${name}' referenced`,
              event.anchorStart,
            );
          }
          const top = this.stack[this.stack.length - 1];
          if (top.type === MAP && top.key === null) {
            this.aliasKey(top, anchor, name, event.anchorStart);
            break;
          }
          this.countAlias(anchor);
          const entry = this.open(top, KIND_ALIAS + anchor.entry, event.anchorStart - 1);
          const endLine = this.line(event.anchorEnd - 1);
          this.close(entry);
          this.child(top, anchor.value, entry, endLine, event.anchorEnd);
          break;
        }
        case EVENT_ID.POP: {
          const frame = this.stack.pop()!;
          if (frame.type === ROOT) break;
          let end = frame.lastEnd;
          let endLine = frame.endLine;
          if (frame.flow) {
            const bracket = this.closingBracket(frame.lastEnd);
            if (bracket !== -1) {
              end = bracket + 1;
              endLine = this.line(bracket);
            }
          } else {
            endLine =
              this.trailingComments(endLine - this.lineOffset, frame.indent) + this.lineOffset;
          }
          this.data[frame.entry * FIELDS + 2] = endLine;
          this.close(frame.entry);
          let value = frame.value;
          // An exact-size copy: an array built by push has room for more items.
          if (Array.isArray(value)) value = value.slice();
          if (frame.anchor) {
            const size = this.decoded - frame.decodedAtStart;
            this.anchors.set(frame.anchor, { value, entry: frame.entry, size });
          }
          this.child(this.stack[this.stack.length - 1], value, frame.entry, endLine, end);
          break;
        }
        default:
          break;
      }
    }
    const positions = packEntries(this.data, this.count * FIELDS);
    return { value: root.value ?? null, positions, duplicates: this.duplicates };
  }

  private frame(
    type: Frame['type'],
    value: unknown,
    entry: number,
    flow: boolean,
    decodedAtStart: number,
    anchor: string,
  ): Frame {
    return {
      type,
      value,
      entry,
      flow,
      lastEnd: 0,
      endLine: 0,
      indent: 0,
      anchor,
      decodedAtStart,
      key: null,
      keyIsMerge: false,
      keyId: NO_KEY,
      keyLine: 0,
      keyEnd: 0,
      merged: null,
    };
  }

  private get data(): Int32Array {
    return scratch;
  }

  private entryLine(entry: number): number {
    return scratch[entry * FIELDS + 1];
  }

  /** A new entry for a node starting at `offset`, as a child of `parent`. */
  private open(parent: Frame, kind: number, offset: number): number {
    const entry = this.count++;
    if ((entry + 1) * FIELDS > scratch.length) {
      const grown = new Int32Array(scratch.length * 2);
      grown.set(scratch);
      scratch = grown;
    }
    const at = entry * FIELDS;
    // A map's child spans from its key; other nodes from their own start.
    const isPair = parent.type === MAP;
    if (parent.type === ROOT) this.rootStart = offset;
    const line = isPair ? parent.keyLine : this.line(offset);
    scratch[at] = kind;
    scratch[at + 1] = line;
    scratch[at + 2] = line;
    scratch[at + 3] = -1;
    scratch[at + 4] = isPair ? parent.keyId : NO_KEY;
    return entry;
  }

  /** The entry's subtree is complete: its next sibling comes after everything pushed. */
  private close(entry: number): void {
    scratch[entry * FIELDS + 3] = this.count;
  }

  /** A node is complete: it becomes its parent's item or the value of the pending key. */
  private child(parent: Frame, value: unknown, entry: number, endLine: number, end: number): void {
    // A map entry ends where its value ends (or at its key, when the value is empty).
    const entryEnd = Math.max(endLine, scratch[entry * FIELDS + 1]);
    scratch[entry * FIELDS + 2] = entryEnd;
    parent.endLine = entryEnd;
    parent.lastEnd = end;
    if (parent.type === SEQ) {
      (parent.value as unknown[]).push(value);
    } else if (parent.type === MAP) {
      const key = parent.key!;
      if (parent.keyIsMerge) this.merge(parent, value, entry);
      else this.set(parent, key, entry);
      parent.key = null;
      if (!parent.keyIsMerge) assign(parent.value as Record<string, unknown>, key, value);
      parent.keyIsMerge = false;
    } else {
      parent.value = value;
    }
  }

  /** Before an explicit key is written: a second occurrence is a duplicate. */
  private set(frame: Frame, key: string, entry: number): void {
    const object = frame.value as Record<string, unknown>;
    if (object[key] === undefined || !Object.hasOwn(object, key)) return;
    if (frame.merged?.delete(key)) return; // overriding a merged key: what merges are for
    this.duplicate(frame, key, entry, false);
  }

  private duplicate(frame: Frame, key: string, entry: number, byMerge: boolean): void {
    const path = this.pathTo(frame, key);
    const line = scratch[entry * FIELDS + 1];
    const earlier = this.earlierLines(frame, key, entry);
    const known = this.duplicates.find(
      (duplicate) =>
        duplicate.path.length === path.length && duplicate.path.every((s, i) => s === path[i]),
    );
    if (known) known.lines.push(line);
    else
      this.duplicates.push({
        path,
        lines: [...earlier, line],
        ...(byMerge ? { overwrittenByMerge: true } : {}),
      });
  }

  /** Lines of the earlier occurrences of `key` among the frame's children. */
  private earlierLines(frame: Frame, key: string, before: number): number[] {
    const id = this.keys.find(key);
    const lines: number[] = [];
    for (let child = frame.entry + 1; child < before; child = scratch[child * FIELDS + 3]) {
      if (scratch[child * FIELDS + 4] === id) lines.push(scratch[child * FIELDS + 1]);
      if (scratch[child * FIELDS + 3] === -1) break;
    }
    return lines;
  }

  /** The path of `key` in `frame`, from the document root. */
  private pathTo(frame: Frame, key: string): Path {
    const path: Array<string | number> = [];
    for (const open of this.stack) {
      if (open === frame) break;
      if (open.type === MAP && open.key !== null) path.push(open.key);
      else if (open.type === SEQ) path.push((open.value as unknown[]).length);
    }
    path.push(key);
    return path;
  }

  /**
   * `<<: value` as go-yaml v2 applies it: the merged map's keys are written at this point (a
   * later explicit key overrides them, an earlier one is overwritten), from a list the earlier
   * maps win. Each merged key gets an entry pointing at where its value is written.
   */
  private merge(frame: Frame, value: unknown, entry: number): void {
    const sources: Array<{ map: Record<string, unknown>; entry: number }> = [];
    const kind = this.resolvedKind(entry);
    if (isMap(value) && kind.kind === KIND_MAP) {
      sources.push({ map: value, entry: kind.entry });
    } else if (Array.isArray(value) && kind.kind === KIND_SEQ) {
      let index = 0;
      const end = scratch[kind.entry * FIELDS + 3];
      for (let child = kind.entry + 1; child < end; child = scratch[child * FIELDS + 3]) {
        const item = value[index++];
        const itemKind = this.resolvedKind(child);
        if (!isMap(item) || itemKind.kind !== KIND_MAP) throw this.wantMap();
        sources.push({ map: item, entry: itemKind.entry });
      }
      sources.reverse(); // written last to first: the earlier maps win
    } else {
      throw this.wantMap();
    }
    const object = frame.value as Record<string, unknown>;
    for (const source of sources) {
      // Where each key of the merged map is written: its last child with that key.
      const written = new Map<number, number>();
      const end = scratch[source.entry * FIELDS + 3];
      for (let child = source.entry + 1; child < end; child = scratch[child * FIELDS + 3]) {
        written.set(scratch[child * FIELDS + 4], child);
      }
      frame.merged ??= new Set();
      for (const key of Object.keys(source.map)) {
        const id = this.keys.find(key);
        const from = written.get(id);
        if (from === undefined) continue;
        const redirect = this.open(frame, KIND_ALIAS + from, 0);
        scratch[redirect * FIELDS + 1] = scratch[from * FIELDS + 1];
        scratch[redirect * FIELDS + 2] = scratch[from * FIELDS + 2];
        scratch[redirect * FIELDS + 4] = id;
        this.close(redirect);
        if (object[key] !== undefined && Object.hasOwn(object, key) && !frame.merged.has(key)) {
          this.duplicate(frame, key, redirect, true);
        }
        frame.merged.add(key);
        assign(object, key, source.map[key]);
      }
    }
  }

  private wantMap(): DocumentError {
    return new DocumentError(
      'map merge requires map or sequence of maps as the value',
      this.lastOffset,
    );
  }

  /** The kind of an entry, through aliases, and the entry that has it. */
  private resolvedKind(entry: number): { kind: number; entry: number } {
    let kind = scratch[entry * FIELDS];
    for (let hops = 0; kind >= KIND_ALIAS && hops < this.count; hops++) {
      entry = kind - KIND_ALIAS;
      kind = scratch[entry * FIELDS];
    }
    return { kind, entry };
  }

  private mapKey(frame: Frame, raw: string, tag: string, event: ScalarEvent): void {
    const start = event.valueStart === -1 ? this.lastOffset : this.scalarStart(event);
    frame.keyLine = this.line(start);
    frame.keyEnd = event.valueStart === -1 ? start : event.valueEnd;
    frame.lastEnd = frame.keyEnd;
    // `<<` (plain, or tagged !!merge) is a merge key; go-yaml does not decode it as a node.
    if (raw === '<<' && (tag === '' || tag === `${TAG_PREFIX}merge`)) {
      frame.key = '<<';
      frame.keyIsMerge = true;
      frame.keyId = this.keys.add('<<');
      return;
    }
    this.decoded++;
    let key: string;
    if (tag === NON_PLAIN) key = raw;
    else {
      try {
        key = keyString(tag, raw);
      } catch (error) {
        throw new DocumentError((error as Error).message, start);
      }
    }
    const id = this.keys.add(key);
    frame.key = this.keys.names[id];
    frame.keyId = id;
  }

  private aliasKey(frame: Frame, anchor: Anchor, name: string, offset: number): void {
    this.countAlias(anchor);
    const { value } = anchor;
    if (typeof value === 'object' && value !== null) {
      throw new DocumentError(`invalid map key: alias '${name}' names a collection`, offset);
    }
    if (value === null) throw new DocumentError('unsupported map key of type <nil>', offset);
    const id = this.keys.add(String(value));
    frame.keyLine = this.line(offset);
    frame.keyEnd = offset;
    frame.key = this.keys.names[id];
    frame.keyId = id;
  }

  private countAlias(anchor: Anchor): void {
    this.decoded += 1 + anchor.size;
    this.aliased += anchor.size;
    const { aliased, decoded } = this;
    if (aliased > 100 && decoded > 1000 && aliased / decoded > allowedAliasRatio(decoded)) {
      // Reported on the document's first line, as any refusal of the whole document.
      throw new DocumentError('document contains excessive aliasing', this.rootStart);
    }
  }

  /** The tag of a node, long form; '' for an untagged plain scalar, '!' for other untagged. */
  private tagOf(start: number, end: number, style: number): string {
    if (start === -1) return style === SCALAR_STYLE.PLAIN ? '' : NON_PLAIN;
    const written = this.text.slice(start, end);
    if (written.startsWith('!!')) return TAG_PREFIX + written.slice(2);
    if (written.startsWith('!<') && written.endsWith('>')) return written.slice(2, -1);
    return written;
  }

  /** Where a scalar starts: a block scalar at its `|`/`>` header, not its first content line. */
  private scalarStart(event: ScalarEvent): number {
    const start = event.valueStart;
    if (start === -1) return this.lastOffset;
    if (event.style !== SCALAR_STYLE.LITERAL_BLOCK && event.style !== SCALAR_STYLE.FOLDED_BLOCK) {
      return start;
    }
    let at = start - 1;
    const { text } = this;
    while (at > 0 && /\s/.test(text[at])) at--;
    return at;
  }

  /**
   * The last line of a block collection whose last item ends on `lastLine` (1-based, without
   * the offset): the comment lines right after it belong to it when the first is indented
   * deeper than the collection, with the blank lines around them (as the `yaml` package's
   * node ranges had it, which positions before this loader came from).
   */
  private trailingComments(lastLine: number, indent: number): number {
    const { starts } = this.lines;
    const { text } = this;
    let lastComment = lastLine;
    let lastBlank = lastLine;
    let belongs = false;
    for (let line = lastLine + 1; line <= starts.length; line++) {
      const from = starts[line - 1];
      if (from >= text.length) break; // after the final newline: no line
      const to = line < starts.length ? starts[line] - 1 : text.length;
      let at = from;
      while (at < to && (text[at] === ' ' || text[at] === '\t' || text[at] === '\r')) at++;
      if (at === to) {
        if (belongs) lastBlank = line;
        continue;
      }
      if (text[at] !== '#') {
        // Blank lines after the comments count only at the end of the document.
        const marker = at === from && /^(?:---|\.\.\.)(?:\s|$)/.test(text.slice(at, at + 4));
        return marker ? Math.max(lastComment, lastBlank) : lastComment;
      }
      if (!belongs) {
        if (at - from <= indent) return lastLine;
        belongs = true;
      }
      lastComment = line;
    }
    return Math.max(lastComment, lastBlank);
  }

  /** The last line of a scalar: for a block scalar its last line with content (all of its
   *  trailing blank lines when it keeps them). */
  private scalarEndLine(event: ScalarEvent, start: number): number {
    const { valueStart, valueEnd } = event;
    const isBlock =
      event.style === SCALAR_STYLE.LITERAL_BLOCK || event.style === SCALAR_STYLE.FOLDED_BLOCK;
    if (!isBlock || event.chomping === CHOMPING_MODE.KEEP) {
      return this.line(Math.max(valueStart, valueEnd - 1));
    }
    const { text } = this;
    let at = valueEnd - 1;
    while (at >= valueStart && /\s/.test(text[at])) at--;
    if (at >= valueStart) return this.line(at);
    // No content: the header line, and the first blank line when there are any.
    const header = this.line(start);
    return valueEnd > valueStart ? header + 1 : header;
  }

  /** The offset of the `]` or `}` closing a flow collection whose last child ended at `from`. */
  private closingBracket(from: number): number {
    const { text } = this;
    for (let at = from; at < text.length; at++) {
      const c = text[at];
      if (c === ']' || c === '}') return at;
      if (c === '#') {
        const newline = text.indexOf('\n', at);
        if (newline === -1) return -1;
        at = newline;
      } else if (!(
        c === ' ' ||
        c === '\t' ||
        c === '\n' ||
        c === '\r' ||
        c === ',' ||
        c === ':' ||
        c === '"' ||
        c === "'" ||
        c === '?'
      )) {
        return -1;
      }
    }
    return -1;
  }
}

function isMap(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `object[key] = value`, also for `__proto__` (an own property, never the prototype). */
function assign(object: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') {
    Object.defineProperty(object, key, {
      value,
      writable: true,
      enumerable: true,
      configurable: true,
    });
  } else {
    object[key] = value;
  }
}
