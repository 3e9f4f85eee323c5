// Turns a path inside a parsed YAML document into a line span, from the parser's own node
// ranges (never by searching the text). The ranges are copied once into a compact index, so that
// a resource keeps a few bytes per node instead of the parser's document tree (several hundred
// bytes per node): 60,000 documents in one file fit in memory, and a lookup is a short scan.
import { isAlias, isMap, isScalar, isSeq, type Document, type LineCounter, type Node } from 'yaml';
import type { Path, Span } from './resource.js';

// Per entry: kind, start offset, end offset, index of the next sibling (one past the subtree).
const FIELDS = 4;
const KIND_LEAF = 0;
const KIND_MAP = 1;
const KIND_SEQ = 2;
// An alias: KIND_ALIAS + the entry index of the node its anchor names.
const KIND_ALIAS = 3;

/**
 * Where every node of one document is. Entries are in document order; the children of an entry
 * (a map's pairs, a sequence's items) follow it up to its next sibling. The span of a map entry
 * runs from its key to the end of its value, as a finding on a missing field lands on the key of
 * the parent it points at (`spec:`); the span of a sequence item is the item (`- name: ...`).
 */
export class DocumentPositions {
  private constructor(
    private readonly data: Int32Array,
    /** The key of each map entry (undefined for items and the root). */
    private readonly keys: readonly (string | undefined)[],
  ) {}

  static of(doc: Document): DocumentPositions {
    const data: number[] = [];
    const keys: (string | undefined)[] = [];
    const anchors = new Map<string, number>();
    const root = doc.contents as Node | null;
    const start = root?.range?.[0] ?? 0;
    // Explicit stack rather than recursion: depth is bounded only by the parser.
    const stack: Array<{
      node: unknown;
      key: string | undefined;
      start: number;
      end: number;
      parent: number;
    }> = [{ node: root, key: undefined, start, end: root?.range?.[1] ?? start, parent: -1 }];
    const open: number[] = []; // entries whose next-sibling index is not yet known
    while (stack.length) {
      const entry = stack.pop()!;
      // Close the entries that are not ancestors of this one.
      while (open.length && open[open.length - 1] !== entry.parent) {
        const done = open.pop()!;
        data[done * FIELDS + 3] = keys.length;
      }
      const index = keys.length;
      keys.push(entry.key);
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
      data.push(kind, entry.start, entry.end, -1);
      open.push(index);
      if (kind === KIND_MAP && isMap(node)) {
        for (let i = node.items.length - 1; i >= 0; i--) {
          const { key, value } = node.items[i] as { key: Node | null; value: Node | null };
          const from = key?.range?.[0] ?? value?.range?.[0] ?? entry.start;
          const to = value?.range?.[1] ?? key?.range?.[1] ?? from;
          stack.push({ node: value, key: keyText(key), start: from, end: to, parent: index });
        }
      } else if (kind === KIND_SEQ && isSeq(node)) {
        for (let i = node.items.length - 1; i >= 0; i--) {
          const item = node.items[i] as Node | null;
          // An item without a range (never from the parser) cannot be located: stop there.
          const range = item?.range ?? [entry.end, entry.end];
          stack.push({ node: item, key: undefined, start: range[0], end: range[1], parent: index });
        }
      }
    }
    for (const done of open) data[done * FIELDS + 3] = keys.length;
    return new DocumentPositions(Int32Array.from(data), keys);
  }

  /** Start and end offsets of `path`; where the path leaves the document, of the deepest node. */
  offsets(path: Path): [number, number] {
    const { data, keys } = this;
    let entry = 0;
    let span = entry;
    for (const segment of path) {
      let kind = data[entry * FIELDS];
      // Following an alias, at most as many hops as entries (a cycle is impossible: an alias
      // names an anchor defined before it, and it is not its own ancestor).
      for (let hops = 0; kind >= KIND_ALIAS && hops < keys.length; hops++) {
        entry = kind - KIND_ALIAS;
        kind = data[entry * FIELDS];
      }
      const end = data[entry * FIELDS + 3];
      let found = -1;
      if (kind === KIND_MAP) {
        const wanted = String(segment);
        for (let child = entry + 1; child < end; child = data[child * FIELDS + 3]) {
          if (keys[child] === wanted) {
            found = child;
            break;
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
    return [data[span * FIELDS + 1], data[span * FIELDS + 2]];
  }

  /** The line span of `path`, 1-based, in the text `lineCounter` counted. */
  locate(lineCounter: LineCounter, path: Path): Span {
    const [start, end] = this.offsets(path);
    const line = lineCounter.linePos(start).line;
    // A range ends just past its last character, which may already be the next line.
    const endLine = lineCounter.linePos(Math.max(start, end - 1)).line;
    return endLine > line ? { line, endLine } : { line };
  }
}

function keyText(key: Node | null): string | undefined {
  if (key === null) return 'null';
  if (isScalar(key)) return String(key.value);
  // A collection as a key never matches a path segment (a JS object has no such key).
  return undefined;
}
