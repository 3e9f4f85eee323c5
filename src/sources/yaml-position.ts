// Turns a path inside a parsed YAML document into a line span, from the parser's own node
// ranges (never by searching the text).
import { isAlias, isMap, isScalar, isSeq, type Document, type LineCounter, type Node } from 'yaml';
import type { Path, Span } from './resource.js';

function keyOf(key: unknown): unknown {
  return isScalar(key) ? key.value : key;
}

/**
 * The span of `path` in `doc`. For a map key it is the key's line (so a missing-field finding
 * on `spec` lands on `spec:`); for a sequence item it is the item's first line (`- name: ...`).
 * Where the path leaves the document, the span of the deepest node that exists.
 */
export function locatePath(doc: Document, lineCounter: LineCounter, path: Path): Span {
  let node: unknown = doc.contents;
  let start = (doc.contents as Node | null)?.range?.[0] ?? 0;
  let end = (doc.contents as Node | null)?.range?.[1] ?? start;
  for (const segment of path) {
    if (isAlias(node)) node = node.resolve(doc);
    if (isMap(node)) {
      const pair = node.items.find((item) => String(keyOf(item.key)) === String(segment));
      if (!pair) break;
      const key = pair.key as Node | null;
      const value = pair.value as Node | null;
      start = key?.range?.[0] ?? value?.range?.[0] ?? start;
      end = value?.range?.[1] ?? key?.range?.[1] ?? start;
      node = value;
    } else if (isSeq(node) && typeof segment === 'number') {
      const item = node.items[segment] as Node | undefined;
      if (!item?.range) break;
      start = item.range[0];
      end = item.range[1];
      node = item;
    } else {
      break;
    }
  }
  const line = lineCounter.linePos(start).line;
  // A range ends just past its last character, which may already be the next line.
  const endLine = lineCounter.linePos(Math.max(start, end - 1)).line;
  return endLine > line ? { line, endLine } : { line };
}
