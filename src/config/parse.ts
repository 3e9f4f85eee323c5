// Reads one policy file or pack and checks it against the schema in policies/schema.json,
// collecting every problem with its line and key (and a "did you mean" for typos).
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node, type Pair } from 'yaml';
import { FAIL_ON_VALUES, SEVERITIES, type FailOn, type Severity } from '../model.js';
import { allRuleKeys, findRuleMeta } from '../rules/index.js';
import { didYouMean, optionProblemText, validateOptions } from '../rules/options.js';
import {
  helmValueProblems,
  type ChartValuesSets,
  type ValuesSetConfig,
} from '../sources/helm/values-sets.js';
import type { Exception } from '../suppress/exception.js';
import { isValidDate } from '../suppress/trivyignore.js';
import { ConfigError, type ConfigProblem } from './errors.js';
import {
  parseAdmission,
  parseCustomRules,
  parseKubernetesVersion,
  type AdmissionConfig,
} from './admission-config.js';
import { DEFAULT_KUBERNETES_VERSION } from '../rules/cel/environment.js';
import type { CustomRuleDefinition } from '../rules/custom/custom-rules.js';

/** A rule setting as written: `off`, `on`, a severity, or `{ severity, options }`. */
export type RuleSetting =
  { enabled: false } | { enabled: true; severity?: Severity; options?: Record<string, unknown> };

export type { ValuesSetConfig };
/** One chart's entry of the policy's `charts:` section. */
export type ChartConfig = ChartValuesSets;

export interface PolicyDocument {
  file: string;
  /** Absent: the default pack; `[]`: no pack at all. */
  extends?: string[];
  failOn?: FailOn;
  rules: Map<string, RuleSetting>;
  paths: string[];
  exclude: string[];
  requireReason?: boolean;
  ignore: Exception[];
  charts: Map<string, ChartConfig>;
  /** `kustomize.roots`: the kustomization directories to render (default: discovered). */
  kustomize?: KustomizeConfig;
  /** `--kube-version` for every render (a values set's kubeVersion overrides it). */
  kubernetesVersion?: string;
  /** Lines of keys whose values are paths, for problems found after parsing. */
  lines: { extends: (number | undefined)[] };
  customRules?: CustomRuleDefinition[];
  admission?: AdmissionConfig;
}

export interface KustomizeConfig {
  roots: string[];
}

export const POLICY_KEYS = [
  'extends',
  'failOn',
  'rules',
  'paths',
  'exclude',
  'charts',
  'kustomize',
  'ignore',
  'requireReason',
  'kubernetesVersion',
  'customRules',
  'admission',
];
export const PACK_KEYS = ['name', 'description', 'extends', 'rules'];
export const IGNORE_KEYS = [
  'id',
  'paths',
  'resources',
  'containers',
  'charts',
  'valuesSets',
  'expires',
  'reason',
];
const CHART_KEYS = ['replaceDiscovered', 'valuesSets'];
export const KUSTOMIZE_KEYS = ['roots'];
export const VALUES_SET_KEYS = [
  'name',
  'values',
  'set',
  'releaseName',
  'namespace',
  'kubeVersion',
  'apiVersions',
];

type Report = (node: unknown, key: string, message: string) => void;

const keyOf = (pair: Pair) => (isScalar(pair.key) ? String(pair.key.value) : String(pair.key));
const plain = (node: unknown): unknown => (node as Node | null)?.toJSON?.() ?? null;

/** Parses and validates a policy file or pack; throws ConfigError listing every problem. */
export function parsePolicyText(text: string, file: string, keys: string[]): PolicyDocument {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, {
    lineCounter,
    logLevel: 'error',
    prettyErrors: false,
    uniqueKeys: true,
  });
  const problems: ConfigProblem[] = [];
  const lineOf = (node: unknown) => {
    const offset = (node as Node | undefined)?.range?.[0];
    return offset === undefined ? undefined : lineCounter.linePos(offset).line;
  };
  const report: Report = (node, key, message) =>
    problems.push({ file, line: lineOf(node), key: key || undefined, message });

  const result: PolicyDocument = {
    file,
    rules: new Map(),
    paths: [],
    exclude: [],
    ignore: [],
    charts: new Map(),
    lines: { extends: [] },
  };
  if (doc.errors.length) {
    const error = doc.errors[0];
    problems.push({
      file,
      line: lineCounter.linePos(Math.min(error.pos[0], text.trimEnd().length)).line,
      message: error.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, ''),
    });
    throw new ConfigError(problems);
  }
  const contents = doc.contents;
  if (contents === null || (isScalar(contents) && contents.value === null)) return result;
  if (!isMap(contents)) {
    report(contents, '', `must be a mapping with keys ${keys.join(', ')}`);
    throw new ConfigError(problems);
  }

  // The CEL keys first: custom rules compile for kubernetesVersion, and `rules:` or `ignore:` may
  // name them wherever they are written.
  const celContext = { file, lineCounter, problems, text };
  const pairOf = (name: string) =>
    keys.includes(name) ? contents.items.find((pair) => keyOf(pair) === name) : undefined;
  const versionPair = pairOf('kubernetesVersion');
  if (versionPair) result.kubernetesVersion = parseKubernetesVersion(versionPair.value, celContext);
  const customPair = pairOf('customRules');
  if (customPair) {
    const kubernetesVersion = result.kubernetesVersion ?? DEFAULT_KUBERNETES_VERSION;
    result.customRules = parseCustomRules(customPair.value, { ...celContext, kubernetesVersion });
  }
  const admissionPair = pairOf('admission');
  if (admissionPair) result.admission = parseAdmission(admissionPair.value, celContext);

  for (const pair of contents.items) {
    const key = keyOf(pair);
    const value = pair.value;
    if (key === 'kubernetesVersion' || key === 'customRules' || key === 'admission') continue;
    if (!keys.includes(key)) {
      report(pair.key, key, `unknown key${didYouMean(key, keys)}; known keys: ${keys.join(', ')}`);
      continue;
    }
    switch (key) {
      case 'extends':
        result.extends = stringList(value, key, report);
        result.lines.extends = isSeq(value)
          ? value.items.map((item) => lineOf(item))
          : [lineOf(value)];
        break;
      case 'paths':
      case 'exclude':
        result[key] = stringList(value, key, report);
        break;
      case 'failOn':
        result.failOn = oneOf(value, key, FAIL_ON_VALUES, report);
        break;
      case 'requireReason':
        if (typeof plain(value) === 'boolean') result.requireReason = plain(value) as boolean;
        else report(value ?? pair.key, key, 'must be true or false');
        break;
      case 'rules':
        result.rules = ruleSettings(value, report);
        break;
      case 'ignore':
        result.ignore = ignoreEntries(value, file, lineOf, report);
        break;
      case 'charts':
        result.charts = chartConfigs(value, lineOf, report);
        break;
      case 'kustomize':
        result.kustomize = kustomizeConfig(value, report);
        break;
    }
  }
  if (result.requireReason !== false) {
    for (const entry of result.ignore) {
      if (!entry.reason) {
        problems.push({
          file,
          line: entry.line,
          key: 'ignore.reason',
          message: `entry for '${entry.written}' needs a reason (or set requireReason: false)`,
        });
      }
    }
  }
  if (problems.length) throw new ConfigError(problems);
  return result;
}

function stringList(node: unknown, key: string, report: Report): string[] {
  const value = plain(node);
  const list = typeof value === 'string' ? [value] : value;
  if (!Array.isArray(list) || !list.every((item) => typeof item === 'string')) {
    report(node, key, 'must be a string or a list of strings');
    return [];
  }
  return list;
}

function oneOf<T extends string>(
  node: unknown,
  key: string,
  allowed: readonly T[],
  report: Report,
): T | undefined {
  const value = plain(node);
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value))
    return value as T;
  report(node, key, `must be one of ${allowed.join(', ')}${didYouMean(String(value), allowed)}`);
  return undefined;
}

function mapping(
  node: unknown,
  key: string,
  allowed: readonly string[],
  report: Report,
): Map<string, Node | null> | undefined {
  if (!isMap(node)) {
    report(node, key, `must be a mapping with keys ${allowed.join(', ')}`);
    return undefined;
  }
  const fields = new Map<string, Node | null>();
  for (const pair of node.items) {
    const name = keyOf(pair);
    if (allowed.includes(name)) fields.set(name, pair.value as Node | null);
    else report(pair.key, `${key}.${name}`, `unknown key${didYouMean(name, allowed)}`);
  }
  return fields;
}

function ruleSettings(node: unknown, report: Report): Map<string, RuleSetting> {
  const settings = new Map<string, RuleSetting>();
  if (plain(node) === null) return settings;
  if (!isMap(node)) {
    report(node, 'rules', 'must map rule IDs to off, on, a severity or { severity, options }');
    return settings;
  }
  for (const pair of node.items) {
    const key = keyOf(pair);
    const meta = findRuleMeta(key);
    if (!meta) {
      report(pair.key, `rules.${key}`, `unknown rule${didYouMean(key, allRuleKeys())}`);
      continue;
    }
    const setting = ruleSetting(plain(pair.value));
    if (typeof setting === 'string') report(pair.value ?? pair.key, `rules.${key}`, setting);
    else settings.set(meta.id, setting);
    if (typeof setting === 'string' || !setting.enabled || !setting.options) continue;
    for (const problem of validateOptions(meta.options, setting.options)) {
      const where = keyNodeAt(pair.value, ['options', ...problem.path]);
      report(where, `rules.${key}.options.${problem.path.join('.')}`, optionProblemText(problem));
    }
  }
  return settings;
}

/** The key node of the deepest mapping entry along `path` under `node`, for its line. */
function keyNodeAt(node: unknown, path: readonly string[]): unknown {
  let found: unknown = node;
  for (const [index, key] of path.entries()) {
    const pair = isMap(found) ? found.items.find((item) => keyOf(item) === key) : undefined;
    if (!pair) return found;
    if (index === path.length - 1) return pair.key;
    found = pair.value;
  }
  return found;
}

/** A rule's setting, or the message saying why it is invalid. */
function ruleSetting(value: unknown): RuleSetting | string {
  const expected = `must be off, on, one of ${SEVERITIES.join(', ')}, or { severity, options }`;
  if (value === 'off' || value === false) return { enabled: false };
  if (value === 'on' || value === true || value === null) return { enabled: true };
  if (typeof value === 'string') {
    return (SEVERITIES as readonly string[]).includes(value)
      ? { enabled: true, severity: value as Severity }
      : `${expected}${didYouMean(value, SEVERITIES)}`;
  }
  if (typeof value !== 'object' || Array.isArray(value)) return expected;
  const { severity, options, ...rest } = value as Record<string, unknown>;
  const extra = Object.keys(rest);
  if (extra.length) return `unknown key '${extra[0]}' (a rule takes severity and options)`;
  if (severity === 'off') return { enabled: false };
  if (severity !== undefined && !(SEVERITIES as readonly unknown[]).includes(severity)) {
    return `severity must be off or one of ${SEVERITIES.join(', ')}`;
  }
  if (
    options !== undefined &&
    (typeof options !== 'object' || options === null || Array.isArray(options))
  ) {
    return 'options must be a mapping';
  }
  return {
    enabled: true,
    severity: severity as Severity | undefined,
    options: options as Record<string, unknown> | undefined,
  };
}

function ignoreEntries(
  node: unknown,
  file: string,
  lineOf: (node: unknown) => number | undefined,
  report: Report,
): Exception[] {
  if (plain(node) === null) return [];
  if (!isSeq(node)) {
    report(node, 'ignore', 'must be a list of entries (id, paths, resources, ..., reason)');
    return [];
  }
  const entries: Exception[] = [];
  for (const item of node.items) {
    const fields = mapping(item, 'ignore', IGNORE_KEYS, report);
    if (!fields) continue;
    const line = lineOf(item);
    const idNode = fields.get('id');
    if (idNode === undefined) {
      report(item, 'ignore.id', "missing: name a rule ID, alias or name, or '*' for every rule");
      continue;
    }
    const ids = stringList(idNode, 'ignore.id', report);
    const ruleIds = new Set<string>();
    for (const id of ids) {
      if (id === '*') continue;
      const meta = findRuleMeta(id);
      if (meta) ruleIds.add(meta.id);
      else report(idNode, 'ignore.id', `unknown rule '${id}'${didYouMean(id, allRuleKeys())}`);
    }
    const entry: Exception = { source: 'policy', file, line, written: ids.join(',') };
    if (!ids.includes('*')) entry.ruleIds = ruleIds;
    for (const key of ['paths', 'resources', 'containers', 'charts', 'valuesSets'] as const) {
      if (fields.has(key)) entry[key] = stringList(fields.get(key), `ignore.${key}`, report);
    }
    if (fields.has('expires')) {
      const expires = String(plain(fields.get('expires')));
      if (isValidDate(expires)) entry.expires = expires;
      else
        report(fields.get('expires'), 'ignore.expires', `'${expires}' is not a date (YYYY-MM-DD)`);
    }
    const reason = plain(fields.get('reason'));
    if (typeof reason === 'string' && reason.trim()) entry.reason = reason.trim();
    entries.push(entry);
  }
  return entries;
}

function chartConfigs(
  node: unknown,
  lineOf: (node: unknown) => number | undefined,
  report: Report,
): Map<string, ChartConfig> {
  const charts = new Map<string, ChartConfig>();
  if (plain(node) === null) return charts;
  if (!isMap(node)) {
    report(node, 'charts', 'must map chart paths to { valuesSets, replaceDiscovered }');
    return charts;
  }
  for (const pair of node.items) {
    const chart = keyOf(pair).replace(/\/+$/, '');
    const fields = mapping(pair.value, `charts.${chart}`, CHART_KEYS, report);
    if (!fields) continue;
    const replace = plain(fields.get('replaceDiscovered'));
    if (replace !== null && typeof replace !== 'boolean') {
      report(
        fields.get('replaceDiscovered'),
        `charts.${chart}.replaceDiscovered`,
        'must be true or false',
      );
    }
    const sets = fields.get('valuesSets');
    const valuesSets: ValuesSetConfig[] = [];
    if (!isSeq(sets)) {
      report(sets ?? pair.key, `charts.${chart}.valuesSets`, 'must be a list of values sets');
    } else {
      for (const item of sets.items) {
        const set = valuesSet(item, `charts.${chart}.valuesSets`, lineOf, report);
        if (set) valuesSets.push(set);
      }
    }
    charts.set(chart, {
      replaceDiscovered: replace === true,
      valuesSets,
      line: lineOf(pair.key),
    });
  }
  return charts;
}

function kustomizeConfig(node: unknown, report: Report): KustomizeConfig {
  const config: KustomizeConfig = { roots: [] };
  if (plain(node) === null) return config;
  const fields = mapping(node, 'kustomize', KUSTOMIZE_KEYS, report);
  if (fields?.has('roots')) {
    config.roots = stringList(fields.get('roots'), 'kustomize.roots', report);
    for (const root of config.roots) {
      // Directories inside the repository: never a flag, never above the root.
      if (root.startsWith('-') || root.startsWith('/') || root.split('/').includes('..')) {
        report(
          fields.get('roots'),
          'kustomize.roots',
          `'${root}' must be a repository-relative directory`,
        );
      }
    }
  }
  return config;
}

function valuesSet(
  node: unknown,
  key: string,
  lineOf: (node: unknown) => number | undefined,
  report: Report,
): ValuesSetConfig | undefined {
  const fields = mapping(node, key, VALUES_SET_KEYS, report);
  if (!fields) return undefined;
  const name = plain(fields.get('name'));
  if (typeof name !== 'string' || !name) {
    report(node, `${key}.name`, 'missing: every values set needs a name');
    return undefined;
  }
  const set: ValuesSetConfig = {
    name,
    values: fields.has('values') ? stringList(fields.get('values'), `${key}.values`, report) : [],
    set: {},
    line: lineOf(node),
  };
  const valuesNode = fields.get('values');
  set.valuesLines = isSeq(valuesNode)
    ? valuesNode.items.map((item) => lineOf(item))
    : set.values.map(() => lineOf(valuesNode));
  const pairs = plain(fields.get('set'));
  if (pairs !== null) {
    if (typeof pairs !== 'object' || Array.isArray(pairs)) {
      report(
        fields.get('set'),
        `${key}.set`,
        'must map value paths to values (image.tag: "1.2.3")',
      );
    } else {
      flatten(pairs as Record<string, unknown>, '', set.set);
    }
  }
  for (const field of ['releaseName', 'namespace', 'kubeVersion'] as const) {
    const value = plain(fields.get(field));
    if (value === null) continue;
    if (typeof value === 'string') set[field] = value;
    else report(fields.get(field), `${key}.${field}`, 'must be a string');
  }
  if (fields.has('apiVersions')) {
    set.apiVersions = stringList(fields.get('apiVersions'), `${key}.apiVersions`, report);
  }
  // These strings reach helm: each must be what helm expects, never something read as a flag.
  for (const problem of helmValueProblems({ ...set, valuesFiles: set.values })) {
    const field = problem.field.startsWith('set.') ? 'set' : problem.field;
    report(fields.get(field) ?? node, `${key}.${problem.field}`, problem.message);
  }
  return set;
}

/** `{ image: { tag: x } }` and `{ image.tag: x }` both become `image.tag=x` for `--set`. */
function flatten(object: Record<string, unknown>, prefix: string, into: Record<string, string>) {
  for (const [key, value] of Object.entries(object)) {
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      flatten(value as Record<string, unknown>, `${prefix}${key}.`, into);
    } else {
      into[`${prefix}${key}`] = Array.isArray(value) ? `{${value.join(',')}}` : String(value);
    }
  }
}
