// The ten real charts of the corpus, with every ci/ values file, rendered with helm v3 and v4:
// no chart fails, and every finding sits on a line that holds what it talks about. On helm v4's
// output, the YAML loader's position index also equals the old loader's (test/support/positions.ts).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { devHelm } from '../../scripts/dev-helm.js';
import { checksKind } from '../../src/rules/evaluate.js';
import { k8sRules } from '../../src/rules/k8s/index.js';
import { renderCharts, type RenderedCharts } from '../../src/sources/helm/index.js';
import { getIn, type K8sResource } from '../../src/sources/resource.js';
import { describeCorpus } from '../support/corpus.js';
import { comparePositionsOf } from '../support/positions.js';
import { corpusCharts as corpus } from './corpus.js';

/** Values sets per chart as the ci/ folders list them, independently of the renderer. */
function expectedSets(chart: string): string[] {
  let files: string[] = [];
  try {
    files = readdirSync(path.join(corpus.root, chart, 'ci')).filter((f) => f.endsWith('.yaml'));
  } catch {
    // no ci/ folder
  }
  return ['default', ...files.sort().map((file) => `ci/${file}`)];
}

interface Placement {
  rule: string;
  where: string;
  source: string;
  text: string;
  ok: boolean;
}

/**
 * Where each violation lands, and whether that line holds it: a values line holds the rendered
 * value (or, for a tag or repository, the part of the image it supplied); a template line holds
 * the offending key, or for a missing field or list item the entry (`- ...`) or parent (`key:`).
 */
function placements(resources: readonly K8sResource[]): Placement[] {
  const lines = new Map<string, string[]>();
  const lineOf = (file: string, line: number) => {
    if (!lines.has(file)) {
      lines.set(file, readFileSync(path.join(corpus.root, file), 'utf8').split('\n'));
    }
    return lines.get(file)![line - 1] ?? '';
  };
  const seen = new Map<string, Placement>();
  for (const resource of resources) {
    for (const rule of k8sRules.filter((r) => checksKind(r, resource.ref.kind))) {
      for (const violation of rule.check?.(resource, rule.defaultOptions as never) ?? []) {
        const location = resource.origin.locate(violation.path);
        const file = location.file ?? resource.origin.file;
        const where = `${file}:${location.line}`;
        if (seen.has(`${rule.meta.id} ${where}`)) continue;
        const text = lineOf(file, location.line);
        const value = getIn(resource.object, violation.path);
        const last = violation.path.at(-1);
        const key = [...violation.path].reverse().find((s) => typeof s === 'string');
        let ok: boolean;
        if (location.source === 'helm-values') {
          const written = text
            .trim()
            .replace(/^- /, '')
            .replace(/^[\w.-]+:\s*/, '')
            .replace(/\s+#.*$/, '')
            .replace(/^["']|["']$/g, '');
          ok =
            value !== null && typeof value === 'object'
              ? text.includes(`${String(last)}:`)
              : written !== '' && (String(value) === written || String(value).includes(written));
        } else if (value === undefined || typeof last === 'number') {
          ok = /^\s*- |:\s*$/.test(text) || text.includes(`${key}:`);
        } else {
          ok = text.includes(`${key}:`);
        }
        seen.set(`${rule.meta.id} ${where}`, {
          rule: rule.meta.id,
          where,
          source: location.source ?? resource.origin.source,
          text: text.trim(),
          ok,
        });
      }
    }
  }
  return [...seen.values()];
}

describeCorpus('corpus charts', ['charts'], () => {
  describe.each([3, 4] as const)('corpus charts with helm v%i', (major) => {
    let rendered: RenderedCharts;
    /** Each chart's and values set's output, as helm wrote it. */
    const outputs: Array<{ name: string; text: string }> = [];
    beforeAll(async () => {
      rendered = await renderCharts({
        root: corpus.root,
        charts: corpus.charts,
        tools: { helm: await devHelm(major) },
        onOutput: (chart, valuesSet, text) => outputs.push({ name: `${chart} ${valuesSet}`, text }),
      });
    }, 240_000);

    it('renders every chart with every values set, with no failure', () => {
      expect(rendered.failures).toEqual([]);
      expect(rendered.errors).toEqual([]);
      // Bitnami's schemas name `http://json-schema.org/schema#`, which helm knows offline.
      expect(rendered.leftOut).toEqual([]);
      for (const chart of corpus.charts) {
        const sets = new Set(
          rendered.resources.filter((r) => r.origin.chart === chart).map((r) => r.origin.valuesSet),
        );
        expect([...sets].sort(), chart).toEqual(expectedSets(chart).sort());
      }
    });

    it('places findings on values and template lines that hold what they talk about', () => {
      const placed = placements(rendered.resources);
      const wrong = placed.filter((p) => !p.ok).map((p) => `${p.rule} ${p.where}: ${p.text}`);
      expect(wrong).toEqual([]);
      // Both kinds of place occur, and none is a template's first line.
      const bySource = Object.groupBy(placed, (p) => p.source);
      expect(bySource['helm-values']?.length).toBeGreaterThan(50);
      expect(bySource['helm-template']?.length).toBeGreaterThan(100);
      expect(placed.filter((p) => p.where.endsWith(':1'))).toEqual([]);
    });

    // Once is enough for the loader (helm v4's output); test/manifests-positions.test.ts has the
    // synthetic set.
    if (major === 4) {
      it("indexes every chart and values set's output as the old loader did", () => {
        expect(outputs.length).toBe(
          corpus.charts.reduce((sum, chart) => sum + expectedSets(chart).length, 0),
        );
        const { documents, entries, differences } = comparePositionsOf(outputs);
        expect(differences.slice(0, 5)).toEqual([]);
        expect(documents).toBeGreaterThan(500);
        expect(entries).toBeGreaterThan(50_000);
      });
    }
  });
});
