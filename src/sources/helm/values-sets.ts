// The values sets a chart is rendered with: its own values.yaml, one set per ci/ values file (the
// chart-testing convention), and sets configured in the policy file.
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { minimatch } from 'minimatch';
import type { ChartConfig } from '../../config/policy.js';

/** One way to render a chart: what `helm template` is given on top of the chart's values.yaml. */
export interface ValuesSet {
  /** Short name shown in findings: `default`, `ci/prod-values.yaml`, or a configured name. */
  name: string;
  /** Repository-relative values files layered on the chart's values.yaml, in order (`-f`). */
  valuesFiles: string[];
  /** `--set` pairs, applied after the files (helm's typed parsing: `true`, `3` are not strings). */
  set: Record<string, string> | readonly (readonly [string, string])[];
  /** Release name (default: the chart's name, so resource names read like a real install). */
  releaseName?: string;
  namespace?: string;
  /** `--kube-version`, e.g. `1.31.0`. */
  kubeVersion?: string;
  /** `--api-versions`, e.g. `monitoring.coreos.com/v1`. */
  apiVersions?: string[];
}

/**
 * A set declared in the policy file, for the charts matching `chart` (a repository-relative path
 * or glob; absent: every chart). Its `valuesFiles` are relative to the chart directory.
 */
export interface ConfiguredValuesSet extends ValuesSet {
  chart?: string;
  /** Render the chart with the configured sets only, not values.yaml and ci/ files. */
  replaceDiscovered?: boolean;
}

/** The policy file's `charts:` section as configured values sets. */
export function configuredValuesSets(
  charts: ReadonlyMap<string, ChartConfig>,
): ConfiguredValuesSet[] {
  return [...charts].flatMap(([chart, config]) =>
    config.valuesSets.map(({ values, ...set }) => ({
      ...set,
      valuesFiles: values,
      chart,
      replaceDiscovered: config.replaceDiscovered,
    })),
  );
}

export const DEFAULT_SET_NAME = 'default';

export function setPairs(set: ValuesSet['set']): [string, string][] {
  return (Array.isArray(set) ? set : Object.entries(set)).map(([key, value]) => [key, value]);
}

/** `default`, then each `ci/*.yaml` (sorted), then the configured sets that apply to the chart. */
export async function valuesSetsFor(
  root: string,
  chartDir: string,
  configured: readonly ConfiguredValuesSet[] = [],
): Promise<ValuesSet[]> {
  const fromPolicy = configured
    .filter(({ chart }) => chart === undefined || matchesChart(chartDir, chart))
    .map(({ chart: _chart, replaceDiscovered: _replace, ...set }) => ({
      ...set,
      valuesFiles: set.valuesFiles.map((file) => path.posix.join(chartDir, file)),
    }));
  if (
    configured.some(
      (set) => set.replaceDiscovered && set.chart && matchesChart(chartDir, set.chart),
    )
  ) {
    return fromPolicy;
  }
  const sets: ValuesSet[] = [{ name: DEFAULT_SET_NAME, valuesFiles: [], set: {} }];
  let ciFiles: string[] = [];
  try {
    ciFiles = (await readdir(path.join(root, chartDir, 'ci'), { withFileTypes: true }))
      .filter((entry) => entry.isFile() && entry.name.endsWith('.yaml'))
      .map((entry) => entry.name)
      .sort();
  } catch {
    // no ci/ folder
  }
  for (const file of ciFiles) {
    const valuesFile = chartDir === '.' ? `ci/${file}` : `${chartDir}/ci/${file}`;
    sets.push({ name: `ci/${file}`, valuesFiles: [valuesFile], set: {} });
  }
  return [...sets, ...fromPolicy];
}

function matchesChart(chartDir: string, pattern: string): boolean {
  const normalized = pattern.replace(/^\.\//, '').replace(/\/+$/, '');
  return chartDir === normalized || minimatch(chartDir, normalized, { dot: true });
}
