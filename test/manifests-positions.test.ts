// The loader on js-yaml's events (src/sources/yaml-load.ts) keeps the position index the old
// loader on the `yaml` package's document tree built (test/support/positions.ts): on the bench's
// synthetic set here, and on every corpus chart rendered with helm for each of its values sets in
// test/helm/corpus.test.ts, which compares the very output it renders (no second helm run).
import { describe, expect, it } from 'vitest';
import { syntheticWorkloads } from '../bench/workloads.js';
import { comparePositionsOf } from './support/positions.js';

describe('positions: the loader on js-yaml events equals the old loader', () => {
  it('on the synthetic bench set', () => {
    const { documents, entries, differences } = comparePositionsOf(
      syntheticWorkloads(500).map(({ file, text }) => ({ name: file, text })),
    );
    expect(differences.slice(0, 5)).toEqual([]);
    expect(documents).toBe(500);
    expect(entries).toBeGreaterThan(25_000);
  });
});
