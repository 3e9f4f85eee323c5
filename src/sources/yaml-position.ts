// Turns a path inside a parsed YAML document into a line span, from the parser's own node
// ranges (never by searching the text). The spans are turned into lines once, while the file's
// line index exists, and copied into a compact typed array: a resource keeps a few bytes per
// node, neither the parser's document tree (several hundred bytes per node) nor the file's text
// or line index. 60,000 documents in one file fit in memory, and a lookup is a short scan.
import { isAlias, isMap, isScalar, isSeq, type Document, type Node } from 'yaml';
import type { Path, Span } from './resource.js';
import { detached } from './strings.js';

// Per entry: kind, first line, last line, index of the next sibling (one past the subtree), and
// the id of the entry's key (for the entries of a map; NO_KEY otherwise).
const FIELDS = 5;
const KIND_LEAF = 0;
const KIND_MAP = 1;
const KIND_SEQ = 2;
// An alias: KIND_ALIAS + the entry index of the node its anchor names.
const KIND_ALIAS = 3;
const NO_KEY = -1;

/**
 * Map keys by number. One table serves every document of a load: the few hundred distinct keys
 * of a repository are stored once, and each node holds a number instead of a string.
 */
export class KeyTable {
  private readonly ids = new Map<string, number>();

  /** The id of `key`, assigned on first sight. */
  add(key: string): number {
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.ids.size;
      // A copy: the parser's string may be a slice that keeps the whole file's text alive.
      this.ids.set(detached(key), id);
    }
    return id;
  }

  /** The id of `key`, or NO_KEY when no document has it (then no map entry matches). */
  find(key: string): number {
    return this.ids.get(key) ?? NO_KEY;
  }
}

/** 1-based line of `offset`: the number of line starts at or before it (as LineCounter.linePos). */
function lineAt(lineStarts: readonly number[], offset: number): number {
  let low = 0;
  let high = lineStarts.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (lineStarts[mid] <= offset) low = mid + 1;
    else high = mid;
  }
  return low;
}

/**
 * Where every node of one document is. Entries are in document order; the children of an entry
 * (a map's pairs, a sequence's items) follow it up to its next sibling. The span of a map entry
 * runs from its key to the end of its value, as a finding on a missing field lands on the key of
 * the parent it points at (`spec:`); the span of a sequence item is the item (`- name: ...`).
 */
export class DocumentPositions {
  private constructor(
    private readonly data: Int32Array,
    private readonly keys: KeyTable,
  ) {}

  /**
   * The positions of `doc`, whose text's line starts (LineCounter.lineStarts) are known at least
   * up to the document's end. `lineOffset` is added to every line.
   */
  static of(
    doc: Document,
    lineStarts: readonly number[],
    keys: KeyTable,
    lineOffset = 0,
  ): DocumentPositions {
    const data: number[] = [];
    const anchors = new Map<string, number>();
    const root = doc.contents as Node | null;
    const start = root?.range?.[0] ?? 0;
    // Explicit stack rather than recursion: depth is bounded only by the parser.
    const stack: Array<{
      node: unknown;
      key: number;
      start: number;
      end: number;
      parent: number;
    }> = [{ node: root, key: NO_KEY, start, end: root?.range?.[1] ?? start, parent: -1 }];
    const open: number[] = []; // entries whose next-sibling index is not yet known
    let count = 0;
    while (stack.length) {
      const entry = stack.pop()!;
      // Close the entries that are not ancestors of this one.
      while (open.length && open[open.length - 1] !== entry.parent) {
        const done = open.pop()!;
        data[done * FIELDS + 3] = count;
      }
      const index = count++;
      const { node } = entry;
      let kind = KIND_LEAF;
      if (isAlias(node)) {
        const target = anchors.get(node.source);
        if (target !== undefined) kind = KIND_ALIAS + target;
      } else if (isMap(node) || isSeq(node)) {
        kind = isMap(node) ? KIND_MAP : KIND_SEQ;
        if (node.anchor) anchors.set(node.anchor, index);
      } else if (isScalar(node) && node.anchor) {
        anchors.set(node.anchor, index);
      }
      // A range ends just past its last character, which may already be the next line.
      const line = lineAt(lineStarts, entry.start);
      const endLine = lineAt(lineStarts, Math.max(entry.start, entry.end - 1));
      data.push(kind, line + lineOffset, endLine + lineOffset, -1, entry.key);
      open.push(index);
      if (kind === KIND_MAP && isMap(node)) {
        for (let i = node.items.length - 1; i >= 0; i--) {
          const { key, value } = node.items[i] as { key: Node | null; value: Node | null };
          const from = key?.range?.[0] ?? value?.range?.[0] ?? entry.start;
          const to = value?.range?.[1] ?? key?.range?.[1] ?? from;
          const id = keyId(keys, key);
          stack.push({ node: value, key: id, start: from, end: to, parent: index });
        }
      } else if (kind === KIND_SEQ && isSeq(node)) {
        for (let i = node.items.length - 1; i >= 0; i--) {
          const item = node.items[i] as Node | null;
          // An item without a range (never from the parser) cannot be located: stop there.
          const range = item?.range ?? [entry.end, entry.end];
          stack.push({ node: item, key: NO_KEY, start: range[0], end: range[1], parent: index });
        }
      }
    }
    for (const done of open) data[done * FIELDS + 3] = count;
    return new DocumentPositions(Int32Array.from(data), keys);
  }

  /** The entry of `path`; where the path leaves the document, the deepest node on it. */
  private entryOf(path: Path): number {
    const { data } = this;
    const entries = data.length / FIELDS;
    let entry = 0;
    let span = entry;
    for (const segment of path) {
      let kind = data[entry * FIELDS];
      // Following an alias, at most as many hops as entries (a cycle is impossible: an alias
      // names an anchor defined before it, and it is not its own ancestor).
      for (let hops = 0; kind >= KIND_ALIAS && hops < entries; hops++) {
        entry = kind - KIND_ALIAS;
        kind = data[entry * FIELDS];
      }
      const end = data[entry * FIELDS + 3];
      let found = -1;
      if (kind === KIND_MAP) {
        const wanted = this.keys.find(String(segment));
        if (wanted !== NO_KEY) {
          for (let child = entry + 1; child < end; child = data[child * FIELDS + 3]) {
            if (data[child * FIELDS + 4] === wanted) {
              found = child;
              break;
            }
          }
        }
      } else if (kind === KIND_SEQ && typeof segment === 'number') {
        let child = entry + 1;
        for (let i = 0; i < segment && child < end; i++) child = data[child * FIELDS + 3];
        if (child < end) found = child;
      }
      if (found === -1) break;
      entry = found;
      span = found;
    }
    return span;
  }

  /** The line span of `path`, 1-based. */
  locate(path: Path): Span {
    const entry = this.entryOf(path);
    const line = this.data[entry * FIELDS + 1];
    const endLine = this.data[entry * FIELDS + 2];
    return endLine > line ? { line, endLine } : { line };
  }
}

function keyId(keys: KeyTable, key: Node | null): number {
  if (key === null) return keys.add('null');
  if (isScalar(key)) return keys.add(String(key.value));
  // A collection as a key never matches a path segment (a JS object has no such key).
  return NO_KEY;
}
