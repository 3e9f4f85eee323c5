// The loader on js-yaml's events (src/sources/yaml-load.ts) keeps the position index the old
// loader on the `yaml` package's document tree built (test/support/legacy-manifests.ts): every
// entry (kind, first and last line, next sibling, key) equal, on the bench's synthetic set and
// on every corpus chart rendered with helm for each of its values sets. Documents whose root is
// not a map (empty or comment-only documents) are left out: they never become resources.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { syntheticWorkloads } from '../bench/workloads.js';
import { devHelm } from '../scripts/dev-helm.js';
import { loadChartInfo } from '../src/sources/helm/chart.js';
import { helmTemplateArgs } from '../src/sources/helm/render.js';
import { valuesSetsFor } from '../src/sources/helm/values-sets.js';
import { loadYamlStream } from '../src/sources/yaml-load.js';
import { DocumentPositions, KeyTable } from '../src/sources/yaml-position.js';
import { corpusCharts } from './helm/corpus.js';
import { describeCorpus } from './support/corpus.js';
import { legacyLoad } from './support/legacy-manifests.js';

interface Comparison {
  documents: number;
  entries: number;
  differences: string[];
}

function compare(name: string, text: string): Comparison {
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

describe('positions: the loader on js-yaml events equals the old loader', () => {
  it('on the synthetic bench set', () => {
    let documents = 0;
    let entries = 0;
    const differences: string[] = [];
    for (const { file, text } of syntheticWorkloads(500)) {
      const result = compare(file, text);
      documents += result.documents;
      entries += result.entries;
      differences.push(...result.differences);
    }
    expect(differences.slice(0, 5)).toEqual([]);
    expect(documents).toBe(500);
    expect(entries).toBeGreaterThan(25_000);
  });

  describeCorpus('on the corpus charts rendered with helm', ['charts'], () => {
    const root = corpusCharts;

    it('for every chart and values set', async () => {
      const helm = await devHelm(4);
      const run = promisify(execFile);
      let documents = 0;
      let entries = 0;
      const differences: string[] = [];
      for (const dir of root.charts) {
        const { name } = await loadChartInfo(root.root, dir);
        for (const valuesSet of await valuesSetsFor(root.root, dir)) {
          const args = helmTemplateArgs({
            chartPath: path.join(root.root, dir),
            chartName: name,
            valuesSet,
            valuesFiles: valuesSet.valuesFiles.map((file) => path.resolve(root.root, file)),
          });
          const { stdout } = await run(helm, args, {
            cwd: root.root,
            maxBuffer: 256 * 1024 * 1024,
          });
          const result = compare(`${dir} ${valuesSet.name}`, stdout);
          documents += result.documents;
          entries += result.entries;
          differences.push(...result.differences);
        }
      }
      expect(differences.slice(0, 5)).toEqual([]);
      expect(documents).toBeGreaterThan(500);
      expect(entries).toBeGreaterThan(50_000);
    }, 300_000);
  });
});
