// The position index check shared by the synthetic set (test/manifests-positions.test.ts) and the
// rendered corpus charts (test/helm/corpus.test.ts): the loader on js-yaml's events
// (src/sources/yaml-load.ts) must build the index the old loader on the `yaml` package's
// document tree built (test/support/legacy-manifests.ts), every entry (kind, first and last line,
// next sibling, key) equal. Documents whose root is not a map (empty or comment-only documents)
// are left out: they never become resources.
import { expect } from 'vitest';
import { loadYamlStream } from '../../src/sources/yaml-load.js';
import { DocumentPositions, KeyTable } from '../../src/sources/yaml-position.js';
import { legacyLoad } from './legacy-manifests.js';

export interface Comparison {
  documents: number;
  entries: number;
  differences: string[];
}

/** Both loaders over `text`: the documents and entries compared, and each difference. */
export function comparePositions(name: string, text: string): Comparison {
  const keys = new KeyTable();
  const legacy = legacyLoad(text, keys);
  const loaded = loadYamlStream(text, { keys, intern: (s) => s, lineOffset: 0 });
  const result: Comparison = { documents: 0, entries: 0, differences: [] };
  expect(loaded.length, `${name}: documents`).toBe(legacy.length);
  loaded.forEach((document, index) => {
    const old = legacy[index];
    const isMapRoot = (value: unknown) =>
      typeof value === 'object' && value !== null && !Array.isArray(value);
    if (!('value' in document) || !old.entries || !isMapRoot(old.value)) return;
    result.documents++;
    result.entries += old.entries.length / 5;
    const a = Array.from(old.entries);
    const b = Array.from(DocumentPositions.fromEntries(document.positions, keys).entries);
    if (a.length !== b.length || a.some((n, i) => n !== b[i])) {
      const at = a.findIndex((n, i) => n !== b[i]);
      const entry = Math.floor(at / 5);
      result.differences.push(
        `${name} document ${index}: entry ${entry}: old [${a.slice(entry * 5, entry * 5 + 5)}] new [${b.slice(entry * 5, entry * 5 + 5)}]`,
      );
    }
  });
  return result;
}

/** comparePositions() over several texts, summed. */
export function comparePositionsOf(texts: Iterable<{ name: string; text: string }>): Comparison {
  const total: Comparison = { documents: 0, entries: 0, differences: [] };
  for (const { name, text } of texts) {
    const result = comparePositions(name, text);
    total.documents += result.documents;
    total.entries += result.entries;
    total.differences.push(...result.differences);
  }
  return total;
}
