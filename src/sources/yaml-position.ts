// Turns a path inside a parsed YAML document into a line span, from the parser's own offsets
// (never by searching the text). The loader (yaml-load.ts) turns them into lines once, while the
// file's line index exists, into a compact typed array: a resource keeps a few bytes per
// node, neither the parser's document tree (several hundred bytes per node) nor the file's text
// or line index. 60,000 documents in one file fit in memory, and a lookup is a short scan.
import type { Path, Span } from './resource.js';
import { detached } from './strings.js';

// Per entry: kind, first line, last line, index of the next sibling (one past the subtree), and
// the id of the entry's key (for the entries of a map; NO_KEY otherwise).
export const FIELDS = 5;
export const KIND_LEAF = 0;
export const KIND_MAP = 1;
export const KIND_SEQ = 2;
// An alias: KIND_ALIAS + the entry index of the node its anchor names. A key a `<<` merge wrote
// is also one: an entry of the map with the key, pointing at the entry where the value is.
export const KIND_ALIAS = 3;
export const NO_KEY = -1;

/**
 * Map keys by number. One table serves every document of a load: the few hundred distinct keys
 * of a repository are stored once, and each node holds a number instead of a string.
 */
export class KeyTable {
  private readonly ids = new Map<string, number>();
  /** By id, the stored copy of each key: as a property name it is internalized once, where a
   *  new slice of the text would be looked up in V8's string table on every use. */
  readonly names: string[] = [];

  /** The id of `key`, assigned on first sight. */
  add(key: string): number {
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.ids.size;
      // A copy: the parser's string may be a slice that keeps the whole file's text alive.
      const stored = detached(key);
      this.ids.set(stored, id);
      this.names.push(stored);
    }
    return id;
  }

  /** The id of `key`, or NO_KEY when no document has it (then no map entry matches). */
  find(key: string): number {
    return this.ids.get(key) ?? NO_KEY;
  }
}

/** NO_KEY in entries kept in 16 bits. */
const UINT16_NO_KEY = 0xffff;

/**
 * A copy of the first `length` fields of `entries`, the loader's scratch space, to keep with a
 * document: in 16 bits per field where every field fits (lines under 65,535 in their file, as
 * many entries and key ids), as in most documents, at half the bytes; NO_KEY is then
 * UINT16_NO_KEY (no other field is negative).
 */
export function packEntries(entries: Int32Array, length: number): Int32Array | Uint16Array {
  const used = entries.subarray(0, length);
  for (let i = 0; i < length; i++) {
    const value = used[i];
    if (value >= UINT16_NO_KEY || value < NO_KEY) return used.slice();
  }
  let packed: Uint16Array;
  if (length > ARENA_FIELDS / 4) {
    packed = new Uint16Array(length);
  } else {
    // Small documents share a block: a buffer of its own costs each ~200 bytes more.
    if (arenaUsed + length > arena.length) {
      arena = new Uint16Array(ARENA_FIELDS);
      arenaUsed = 0;
    }
    packed = arena.subarray(arenaUsed, arenaUsed + length);
    arenaUsed += length;
  }
  packed.set(used); // -1 wraps to UINT16_NO_KEY
  return packed;
}

/** The block small documents' entries are packed into (64 KB), and how much of it is taken. */
const ARENA_FIELDS = 32 * 1024;
let arena = new Uint16Array(0);
let arenaUsed = 0;

/** The last walk of entryOf: in which document, and the entry each segment of its path led to
 *  (the first `depth` of them). */
const lastWalk: {
  positions: DocumentPositions | undefined;
  segments: (string | number)[];
  entries: number[];
  depth: number;
} = { positions: undefined, segments: [], entries: [], depth: 0 };

/**
 * Where every node of one document is. Entries are in document order; the children of an entry
 * (a map's pairs, a sequence's items) follow it up to its next sibling. The span of a map entry
 * runs from its key to the end of its value, as a finding on a missing field lands on the key of
 * the parent it points at (`spec:`); the span of a sequence item is the item (`- name: ...`).
 */
export class DocumentPositions {
  private constructor(
    private readonly data: Int32Array | Uint16Array,
    private readonly keys: KeyTable,
  ) {}

  /** Positions from entries built by the loader (yaml-load.ts, packEntries), ids from `keys`. */
  static fromEntries(data: Int32Array | Uint16Array, keys: KeyTable): DocumentPositions {
    return new DocumentPositions(data, keys);
  }

  /** The raw entries (NO_KEY as -1), for tests that compare two loaders. */
  get entries(): Int32Array {
    if (this.data instanceof Int32Array) return this.data;
    return Int32Array.from(this.data, (value, index) =>
      index % FIELDS === 4 && value === UINT16_NO_KEY ? NO_KEY : value,
    );
  }

  /** The entry of `path`; where the path leaves the document, the deepest node on it. */
  private entryOf(path: Path): number {
    const { data } = this;
    const entries = data.length / FIELDS;
    let entry = 0;
    let depth = 0;
    // Findings on one resource come one after the other, mostly under the same container: the
    // walk resumes where the previous one in this document left the common part of the paths.
    const last = lastWalk;
    if (last.positions === this) {
      const common = Math.min(path.length, last.depth);
      while (depth < common && path[depth] === last.segments[depth]) depth++;
      if (depth > 0) entry = last.entries[depth - 1];
    } else {
      last.positions = this;
    }
    let span = entry;
    for (; depth < path.length; depth++) {
      const segment = path[depth];
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
        // In 16-bit entries NO_KEY reads as UINT16_NO_KEY, and no key of theirs has an id as high.
        if (wanted !== NO_KEY && (wanted < UINT16_NO_KEY || data instanceof Int32Array)) {
          // The last occurrence is the one in effect (a repeated key, a key a merge wrote and
          // a later key overrode).
          for (let child = entry + 1; child < end; child = data[child * FIELDS + 3]) {
            if (data[child * FIELDS + 4] === wanted) found = child;
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
      last.segments[depth] = segment;
      last.entries[depth] = found;
    }
    last.depth = depth;
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
