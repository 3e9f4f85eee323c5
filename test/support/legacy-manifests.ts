// The manifest loader before issue 18 (the `yaml` package's document tree), kept only for the
// test that compares its position index with the loader on js-yaml's events
// (test/manifests-positions.test.ts). It reads YAML 1.2 (no merge keys, `yes` is a string): it
// is compared only on documents where both dialects read the same.
import {
  Composer,
  isAlias,
  isMap,
  isScalar,
  isSeq,
  LineCounter,
  Parser,
  type Document,
  type Node,
} from 'yaml';
import {
  FIELDS,
  KIND_ALIAS,
  KIND_LEAF,
  KIND_MAP,
  KIND_SEQ,
  NO_KEY,
  type KeyTable,
} from '../../src/sources/yaml-position.js';

export interface LegacyDocument {
  /** The document's value (yaml's toJS). */
  value: unknown;
  /** Null where the old loader reported an error. */
  entries: Int32Array | null;
}

/** Every document of `text`, with the old loader's position entries. */
export function legacyLoad(text: string, keys: KeyTable): LegacyDocument[] {
  const lineCounter = new LineCounter();
  const documents: LegacyDocument[] = [];
  const composer = new Composer({ uniqueKeys: false });
  for (const doc of composer.compose(new Parser(lineCounter.addNewLine).parse(text))) {
    if (doc.errors.length) {
      documents.push({ value: undefined, entries: null });
      continue;
    }
    const value: unknown = doc.toJS({ maxAliasCount: 1000 });
    documents.push({ value, entries: legacyEntries(doc, lineCounter.lineStarts, keys) });
  }
  return documents;
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

export function legacyEntries(
  doc: Document,
  lineStarts: readonly number[],
  keys: KeyTable,
  lineOffset = 0,
): Int32Array {
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
  return Int32Array.from(data);
}

function keyId(keys: KeyTable, key: Node | null): number {
  if (key === null) return keys.add('null');
  if (isScalar(key)) return keys.add(String(key.value));
  // A collection as a key never matches a path segment (a JS object has no such key).
  return NO_KEY;
}
