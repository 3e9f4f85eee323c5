// The values sets a chart is rendered with: its own values.yaml, one set per ci/ values file (the
// chart-testing convention), and sets configured in the policy file. Every string of a set that
// reaches helm is checked here (helmValueProblems): the policy file comes from the pull request.
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { minimatch } from 'minimatch';

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
  /** `--kube-version`, e.g. `1.31.0` (default: the policy's kubernetesVersion). */
  kubeVersion?: string;
  /** `--api-versions`, e.g. `monitoring.coreos.com/v1`. */
  apiVersions?: string[];
  /** Where the policy file declares the set, for problems found only at render time. */
  declaredAt?: { file: string; line?: number; key: string };
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

/** A values set as the policy file's `charts:` section writes it (config/ reads it). Paths are
 *  chart-relative. */
export interface ValuesSetConfig {
  name: string;
  values: string[];
  set: Record<string, string>;
  releaseName?: string;
  namespace?: string;
  kubeVersion?: string;
  apiVersions?: string[];
  /** Where the set starts in the policy file. */
  line?: number;
  /** The line of each entry of `values`. */
  valuesLines?: (number | undefined)[];
}

/** One chart's entry of the policy's `charts:` section. */
export interface ChartValuesSets {
  /** true: only these sets; false (default): these in addition to the discovered ones. */
  replaceDiscovered: boolean;
  valuesSets: ValuesSetConfig[];
  /** The line of the chart's key in the policy file. */
  line?: number;
}

/** The policy file's `charts:` section as configured values sets. */
export function configuredValuesSets(
  charts: ReadonlyMap<string, ChartValuesSets>,
  policyFile?: string,
): ConfiguredValuesSet[] {
  return [...charts].flatMap(([chart, config]) =>
    config.valuesSets.map(({ values, line, ...set }, index) => ({
      ...set,
      valuesFiles: values,
      chart,
      replaceDiscovered: config.replaceDiscovered,
      ...(policyFile
        ? {
            declaredAt: {
              file: policyFile,
              line: line ?? config.line,
              key: `charts.${chart}.valuesSets[${index}]`,
            },
          }
        : {}),
    })),
  );
}

export const DEFAULT_SET_NAME = 'default';
// Named because helm v3 and v4 default to different releases.
export { DEFAULT_KUBERNETES_VERSION } from '../../model.js';

export function setPairs(set: ValuesSet['set']): [string, string][] {
  return (Array.isArray(set) ? set : Object.entries(set)).map(([key, value]) => [key, value]);
}

/**
 * `default`, then each `ci/*.yaml` (sorted), then the configured sets that apply to the chart.
 * A configured set named like a discovered one (`default`, `ci/x.yaml`) replaces it.
 */
export async function valuesSetsFor(
  root: string,
  chartDir: string,
  configured: readonly ConfiguredValuesSet[] = [],
): Promise<ValuesSet[]> {
  const fromPolicy: ValuesSet[] = configured
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
  // A configured set of the same name takes the discovered one's place (and position).
  const result = sets.map((set) => fromPolicy.find((own) => own.name === set.name) ?? set);
  return [...result, ...fromPolicy.filter((own) => !sets.some((set) => set.name === own.name))];
}

export function matchesChart(chartDir: string, pattern: string): boolean {
  const normalized = pattern.replace(/^\.\//, '').replace(/\/+$/, '');
  return chartDir === normalized || minimatch(chartDir, normalized, { dot: true });
}

// What helm accepts, written so that nothing can begin with `-` and be read as a flag.
/** Helm's release-name rule: a DNS-1123 subdomain of at most 53 characters. */
export const RELEASE_NAME = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
/** A Kubernetes namespace: a DNS-1123 label of at most 63 characters. */
export const NAMESPACE = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
/** `1.31`, `v1.31.2`, `1.32.0-rc.1`. */
export const KUBE_VERSION = /^v?\d{1,3}\.\d{1,3}(\.\d{1,5})?(-[0-9A-Za-z.]{1,40})?$/;
/** `v1`, `apps/v1`, `monitoring.coreos.com/v1`, `monitoring.coreos.com/v1/ServiceMonitor`. */
export const API_VERSION =
  /^([a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?\/)?v\d+((alpha|beta)\d+)?(\/[A-Za-z][A-Za-z0-9]{0,62})?$/;
/** A `--set` key: dot-separated names (a `\.` escapes a dot), each with optional `[index]`es. */
const SET_SEGMENT = String.raw`(?:[A-Za-z0-9_]|\\\.)(?:[A-Za-z0-9_\-/]|\\\.)*(?:\[\d{1,3}\])*`;
export const SET_KEY = new RegExp(String.raw`^${SET_SEGMENT}(?:\.${SET_SEGMENT})*$`);

export interface HelmValueProblem {
  /** The set's field at fault: `releaseName`, `set.<key>`, `values`, ... */
  field: string;
  message: string;
}

/** Why a values set's strings cannot be handed to helm (empty: they can). */
export function helmValueProblems(
  set: Pick<ValuesSet, 'releaseName' | 'namespace' | 'kubeVersion' | 'apiVersions' | 'set'> & {
    valuesFiles?: readonly string[];
  },
): HelmValueProblem[] {
  const problems: HelmValueProblem[] = [];
  const check = (field: string, value: string, ok: boolean, expected: string) => {
    if (!ok) problems.push({ field, message: `${JSON.stringify(value)} is not ${expected}` });
  };
  if (set.releaseName !== undefined) {
    check(
      'releaseName',
      set.releaseName,
      RELEASE_NAME.test(set.releaseName) && set.releaseName.length <= 53,
      'a helm release name (lower-case letters, digits, - and ., at most 53 characters)',
    );
  }
  if (set.namespace !== undefined) {
    check(
      'namespace',
      set.namespace,
      NAMESPACE.test(set.namespace) && set.namespace.length <= 63,
      'a Kubernetes namespace name (lower-case letters, digits and -, at most 63 characters)',
    );
  }
  if (set.kubeVersion !== undefined) {
    check('kubeVersion', set.kubeVersion, isKubeVersion(set.kubeVersion), 'a Kubernetes version');
  }
  for (const api of set.apiVersions ?? []) {
    check(
      'apiVersions',
      api,
      API_VERSION.test(api),
      'an API group/version (apps/v1, or group/version/Kind)',
    );
  }
  for (const [key] of setPairs(set.set)) {
    check(
      `set.${key}`,
      key,
      SET_KEY.test(key) && key.length <= 256,
      'a values path (names of letters, digits, _ - / separated by dots, with [index]es)',
    );
  }
  for (const file of set.valuesFiles ?? []) {
    check(
      'values',
      file,
      file !== '' && !file.startsWith('-') && !path.isAbsolute(file) && !file.includes('\0'),
      'a relative path to a values file',
    );
  }
  return problems;
}

export function isKubeVersion(version: string): boolean {
  return KUBE_VERSION.test(version);
}

/**
 * The `--set` pairs as the values tree helm builds from them (`a.b=1` -> `{a: {b: 1}}`, typed
 * as helm types them: true/false/null, integers, `{x,y}` lists), for a values file we write:
 * the text never reaches helm's argv, where a comma or `=` would change its meaning.
 */
export function setPairsValues(pairs: readonly (readonly [string, string])[]): unknown {
  // Null-prototype objects: a `__proto__` key is a key like any other.
  const tree = Object.create(null) as Record<string, unknown>;
  for (const [key, raw] of pairs) {
    const steps = key.split(/(?<!\\)\./).flatMap((part) => {
      const [name, ...indexes] = part.replace(/\\\./g, '.').split(/\[(\d+)\]/);
      return [name, ...indexes.filter(Boolean).map(Number)];
    });
    let node: Record<string, unknown> | unknown[] = tree;
    steps.forEach((step, index) => {
      const last = index === steps.length - 1;
      const slot = node as Record<string | number, unknown>;
      if (last) {
        slot[step] = typedValue(raw);
        return;
      }
      const wantsList = typeof steps[index + 1] === 'number';
      const existing = slot[step];
      if (wantsList ? !Array.isArray(existing) : !isPlainObject(existing)) {
        slot[step] = wantsList ? [] : Object.create(null);
      }
      node = slot[step] as Record<string, unknown> | unknown[];
    });
    fillHoles(tree);
  }
  return tree;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** helm pads a list set at index n with nulls before it. */
function fillHoles(node: unknown): void {
  if (Array.isArray(node)) {
    for (let index = 0; index < node.length; index++) {
      if (!(index in node)) node[index] = null;
      fillHoles(node[index]);
    }
  } else if (isPlainObject(node)) {
    for (const value of Object.values(node)) fillHoles(value);
  }
}

/** helm's strvals typing of one `--set` value. */
function typedValue(raw: string): unknown {
  if (/^\{.*\}$/s.test(raw)) {
    const inner = raw.slice(1, -1);
    return inner === '' ? [] : inner.split(',').map(typedScalar);
  }
  return typedScalar(raw);
}

function typedScalar(raw: string): unknown {
  if (raw.toLowerCase() === 'true') return true;
  if (raw.toLowerCase() === 'false') return false;
  if (raw.toLowerCase() === 'null') return null;
  if (raw === '0') return 0;
  if (/^[-+]?[1-9]\d*$/.test(raw)) {
    const value = Number(raw);
    if (Number.isSafeInteger(value)) return value;
  }
  return raw;
}
