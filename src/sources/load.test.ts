import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { anyFileMatches, loadManifestFiles } from './load.js';

const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

const configMaps = (prefix: string, count: number) =>
  Array.from(
    { length: count },
    (_, i) => `apiVersion: v1\nkind: ConfigMap\nmetadata: { name: ${prefix}-${i} }\n`,
  ).join('---\n');

describe('loadManifestFiles', () => {
  it('reads files of any size in turn into reused buffers, nothing of an earlier file left', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'kpg-load-buffers-'));
    roots.push(root);
    // Small, larger than any buffer so far, small again, over the reuse bound, small.
    const counts = { a: 1, b: 3000, c: 2, d: 20000, e: 1 };
    for (const [name, count] of Object.entries(counts)) {
      writeFileSync(path.join(root, `${name}.yaml`), configMaps(name, count));
    }
    const files = Object.keys(counts).map((name) => `${name}.yaml`);
    const parsed: string[][] = [];
    const loaded = await loadManifestFiles(root, files, (resources) =>
      parsed.push(resources.map((r) => r.ref.name)),
    );
    expect(loaded.errors).toEqual([]);
    expect(parsed.map((names) => names.length)).toEqual(Object.values(counts));
    expect(parsed.map((names) => names.at(-1))).toEqual(['a-0', 'b-2999', 'c-1', 'd-19999', 'e-0']);
    expect(loaded.items.map((r) => r.ref.name)).toEqual(parsed.flat());
  });
});

describe('anyFileMatches', () => {
  it('says whether a readable file holds the pattern, skipping what cannot be read', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'kpg-load-matches-'));
    roots.push(root);
    writeFileSync(path.join(root, 'a.yaml'), configMaps('a', 2));
    writeFileSync(
      path.join(root, 'ns.yaml'),
      'kind: Namespace\nmetadata:\n  labels:\n    pod-security.kubernetes.io/enforce: baseline\n',
    );
    const pattern = /pod-security\.kubernetes\.io/;
    expect(await anyFileMatches({ root }, ['a.yaml', 'missing.yaml'], pattern)).toBe(false);
    expect(await anyFileMatches({ root }, ['missing.yaml', 'a.yaml', 'ns.yaml'], pattern)).toBe(
      true,
    );
  });
});
