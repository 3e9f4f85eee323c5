// The policy: which rules run at which severity, what to scan, what is accepted, when to fail.
// Built from builtin packs, the user's policy file and the ignore files users already have
// for Trivy; every mistake is reported with file, line and key.
import { lstatSync } from 'node:fs';
import path from 'node:path';
import { closest } from 'fastest-levenshtein';
import type { FailOn, Severity } from '../model.js';
import { findRuleMeta, ruleById, setCustomRuleMetas } from '../rules/index.js';
import { DEFAULT_KUBERNETES_VERSION } from '../rules/cel/environment.js';
import { customRuleMeta, type CustomRuleDefinition } from '../rules/custom/custom-rules.js';
import type { AdmissionConfig } from './admission-config.js';
import { isInside, readRegularFile, resolveInside, UnsafeFileError } from '../sources/read-file.js';
import { chartValuesProblems } from './charts.js';
import type { EnabledRule } from '../rules/types.js';
import type { Exception } from '../suppress/exception.js';
import {
  hadolintRuleOptions,
  parseHadolintConfig,
  type HadolintConfig,
} from '../suppress/hadolint.js';
import {
  IgnoreFileError,
  parseTrivyIgnore,
  parseTrivyIgnoreYaml,
} from '../suppress/trivyignore.js';
import { ConfigError, type ConfigProblem } from './errors.js';
import { BUILTIN_PACKS, builtinPack } from './packs.js';
import {
  parsePolicyText,
  POLICY_KEYS,
  type ChartConfig,
  type KustomizeConfig,
  type PolicyDocument,
  type RuleSetting,
} from './parse.js';

export type { ChartConfig, ValuesSetConfig } from './parse.js';

export type { EnabledRule } from '../rules/types.js';

export interface Policy {
  failOn: FailOn;
  /** Enabled rules by canonical ID. */
  rules: Map<string, EnabledRule>;
  /** Globs (relative to the repository root) of what to scan; empty means the CLI's paths. */
  paths: string[];
  exclude: string[];
  /** Accepted findings: the policy file's `ignore` and the Trivy ignore files. */
  exceptions: Exception[];
  /** Exceptions written where a reason can be given (annotations) must give one. */
  requireReason: boolean;
  /** Values sets to render, by repository-relative chart path. */
  charts: Map<string, ChartConfig>;
  /** `kustomize.roots` of the policy file: the roots to render (empty: the discovered ones). */
  kustomize?: KustomizeConfig;
  /** The policy file in force, repository-relative, if any. */
  file?: string;
  /** `.hadolint.yaml` at the root: its `ignored` list and pragmas suppress DL findings. */
  hadolint?: HadolintConfig;
  /** hadolint's `failure-threshold`: the fail-on threshold for Dockerfile findings. */
  dockerfileFailOn?: FailOn;
  /** The Kubernetes release checked for: charts render for it (`helm template --kube-version`),
   *  CEL expressions and admission are evaluated for it (`"1.35"`). */
  kubernetesVersion?: string;
  /** `customRules:` of the policy files (enabled in `rules` unless turned off there). */
  customRules?: CustomRuleDefinition[];
  /** `admission:`: namespace labels the repository does not hold. */
  admission?: AdmissionConfig;
  /** `rules:` settings of `vap/<policy>` IDs: a severity replacing the action's, or off. */
  admissionRules?: Record<string, Severity | 'off'>;
}

export interface PolicyOptions {
  /** Repository root: nothing outside it is read. */
  root: string;
  /** Where the search for policy and ignore files starts (default: the root); it walks up to
   *  the root, nearest file first, as ESLint, hadolint and Trivy users expect. */
  cwd?: string;
  /** `--config` / the `config` input; otherwise the default locations are tried. */
  configFile?: string;
  /** `--policy` packs; when given they replace the policy file's `extends`. */
  packs?: string[];
  /** `--fail-on`; overrides the policy file. */
  failOn?: FailOn;
  /** `--ignorefile`; otherwise the nearest Trivy ignore files are read. */
  ignoreFiles?: string[];
}

/**
 * Whether the policy checks Kubernetes objects, so charts and overlays must be rendered: an
 * enabled Kubernetes rule or custom rule, or no builtin rule at all (the admission preview, the
 * repository's own ValidatingAdmissionPolicies, still applies). A policy of Dockerfile rules
 * only (`--policy hadolint`) needs neither helm nor kustomize.
 */
export function checksKubernetes(policy: Pick<Policy, 'rules' | 'customRules'>): boolean {
  if (policy.customRules?.length || policy.rules.size === 0) return true;
  return [...policy.rules.keys()].some((id) => ruleById(id)?.meta.target === 'kubernetes');
}

/** Looked for in every folder from the current one up to the root. */
export const POLICY_FILE = '.kube-policy-gate.yaml';
/** Looked for at the root only, after POLICY_FILE; its paths are relative to the root. */
export const GITHUB_POLICY_FILE = '.github/kube-policy-gate.yaml';
export const DEFAULT_POLICY_FILES = [POLICY_FILE, GITHUB_POLICY_FILE];
export const DEFAULT_IGNORE_FILES = ['.trivyignore', '.trivyignore.yaml', '.trivyignore.yml'];
export const HADOLINT_FILES = ['.hadolint.yaml', '.hadolint.yml'];
const DEFAULT_FAIL_ON: FailOn = 'high';
/** Policy, ignore and hadolint files are small; anything bigger is refused, not read. */
const MAX_CONFIG_BYTES = 4 * 1024 * 1024;

const display = (root: string, file: string) =>
  path.relative(root, file).split(path.sep).join('/') || file;

export function loadPolicy(options: PolicyOptions): Policy {
  const { root } = options;
  setCustomRuleMetas([]);
  const file = findPolicyFile(options);
  const own = file ? readPolicyDocument(file, root, POLICY_KEYS) : undefined;
  const packs = options.packs?.length ? options.packs : (own?.extends ?? ['default']);

  const problems: ConfigProblem[] = [];
  const extended: PolicyDocument[] = [];
  const from = options.packs?.length || !own ? undefined : own;
  packs.forEach((pack, index) =>
    collectExtends(pack, from, index, root, extended, new Set(), problems),
  );
  if (own) problems.push(...chartValuesProblems(root, own));
  if (problems.length) throw new ConfigError(problems);

  const layers = own ? [...extended, own] : extended;
  const rules = new Map<string, EnabledRule>();
  const customRules = layers.flatMap((layer) => layer.customRules ?? []);
  setCustomRuleMetas(customRules.map(customRuleMeta));
  for (const rule of customRules) rules.set(rule.id, { severity: rule.severity });
  for (const layer of layers) applyRules(layer.rules, rules);
  const admissionRules: Record<string, Severity | 'off'> = {};
  for (const layer of layers)
    for (const [id, setting] of layer.rules)
      if (id.startsWith('vap/')) {
        const severity = setting.enabled ? setting.severity : 'off';
        if (severity) admissionRules[id] = severity;
        else delete admissionRules[id];
      }
  const hadolint = readHadolintConfig(options);
  if (hadolint) applyHadolintConfig(hadolint, rules);
  return {
    failOn: options.failOn ?? own?.failOn ?? DEFAULT_FAIL_ON,
    rules,
    paths: own?.paths ?? [],
    exclude: layers.flatMap((layer) => layer.exclude),
    exceptions: [...layers.flatMap((layer) => layer.ignore), ...readIgnoreFiles(options)],
    requireReason: own?.requireReason ?? true,
    charts: own?.charts ?? new Map(),
    ...(own?.kustomize ? { kustomize: own.kustomize } : {}),
    file: own?.file,
    kubernetesVersion: own?.kubernetesVersion ?? DEFAULT_KUBERNETES_VERSION,
    customRules,
    admissionRules,
    admission: {
      namespaces: Object.assign({}, ...layers.map((layer) => layer.admission?.namespaces ?? {})),
    },
    ...(hadolint ? { hadolint } : {}),
    ...(hadolint?.failureThreshold ? { dockerfileFailOn: hadolint.failureThreshold } : {}),
  };
}

/** From `cwd` up to the root: each folder, nearest first (just the root when cwd is outside). */
function foldersUp(root: string, cwd = root): string[] {
  const start = path.resolve(cwd);
  if (!isInside(start, path.resolve(root))) return [path.resolve(root)];
  const folders: string[] = [];
  for (let dir = start; ; dir = path.dirname(dir)) {
    folders.push(dir);
    if (dir === path.resolve(root) || path.dirname(dir) === dir) break;
  }
  return folders;
}

/** Present as a directory entry (a dangling or hostile symlink too: reading it reports why). */
function exists(file: string): boolean {
  try {
    lstatSync(file);
    return true;
  } catch {
    return false;
  }
}

function findPolicyFile({ root, cwd, configFile }: PolicyOptions): string | undefined {
  if (configFile) {
    const file = path.resolve(cwd ?? root, configFile);
    if (!exists(file)) {
      throw new ConfigError([{ file: configFile, message: 'policy file not found' }]);
    }
    return file;
  }
  for (const dir of foldersUp(root, cwd)) {
    const candidates = [path.join(dir, POLICY_FILE)];
    if (dir === path.resolve(root)) candidates.push(path.join(dir, GITHUB_POLICY_FILE));
    const found = candidates.find(exists);
    if (found) return found;
  }
  return undefined;
}

/** Packs and policy files named by `extends`, parents first, so later layers override. */
function collectExtends(
  name: string,
  from: PolicyDocument | undefined,
  index: number,
  root: string,
  into: PolicyDocument[],
  seen: Set<string>,
  problems: ConfigProblem[],
): void {
  const where = {
    file: from?.file ?? '--policy',
    line: from?.lines.extends[index] ?? from?.lines.extends[0],
    key: 'extends',
  };
  if (seen.has(name)) {
    problems.push({ ...where, message: `'${name}' extends itself (a cycle)` });
    return;
  }
  seen.add(name);
  let layer: PolicyDocument;
  const pack = builtinPack(name);
  if (pack) {
    layer = pack;
  } else if (/^\.{0,2}\//.test(name) || /\.ya?ml$/.test(name)) {
    const base = from ? path.dirname(path.resolve(root, from.file)) : root;
    const file = path.resolve(base, name);
    if (!exists(file)) {
      problems.push({ ...where, message: `'${name}' not found` });
      return;
    }
    try {
      resolveInside(root, base, name);
    } catch (error) {
      if (!(error instanceof UnsafeFileError)) throw error;
      problems.push({ ...where, message: `'${name}' ${error.message}` });
      return;
    }
    layer = readPolicyDocument(file, root, POLICY_KEYS);
  } else {
    problems.push({
      ...where,
      message: `unknown pack '${name}' (did you mean '${closest(name, [...BUILTIN_PACKS])}'? builtin packs: ${BUILTIN_PACKS.join(', ')})`,
    });
    return;
  }
  (layer.extends ?? []).forEach((parent, parentIndex) =>
    collectExtends(parent, layer, parentIndex, root, into, seen, problems),
  );
  into.push(layer);
}

function applyRules(settings: Map<string, RuleSetting>, rules: Map<string, EnabledRule>): void {
  for (const [id, setting] of settings) {
    if (!setting.enabled) {
      rules.delete(id);
      continue;
    }
    const previous = rules.get(id);
    const severity = setting.severity ?? previous?.severity ?? findRuleMeta(id)!.severity;
    const options = setting.options ?? previous?.options;
    rules.set(id, options ? { severity, options } : { severity });
  }
}

function readPolicyDocument(file: string, root: string, keys: string[]): PolicyDocument {
  const shown = display(root, file);
  const document = parsePolicyText(readText(file, root), shown, keys);
  // Paths in a policy file are relative to its folder; `.github/kube-policy-gate.yaml` speaks
  // for the whole repository, so its paths are relative to the root.
  const folder = shown === GITHUB_POLICY_FILE ? '' : path.posix.dirname(shown);
  return rebase(document, folder === '.' ? '' : folder);
}

/** The policy's repository paths (scan paths, excludes, chart keys, ignore paths) made
 *  relative to the root from a policy file in `folder`. */
function rebase(document: PolicyDocument, folder: string): PolicyDocument {
  if (!folder) return document;
  const join = (pattern: string) => {
    const negated = pattern.startsWith('!');
    const body = (negated ? pattern.slice(1) : pattern).replace(/^\.\//, '');
    return `${negated ? '!' : ''}${path.posix.join(folder, body)}`;
  };
  return {
    ...document,
    paths: document.paths.map(join),
    exclude: document.exclude.map(join),
    charts: new Map([...document.charts].map(([chart, config]) => [join(chart), config])),
    ignore: document.ignore.map((entry) =>
      entry.paths ? { ...entry, paths: entry.paths.map(join) } : entry,
    ),
  };
}

/** A configuration file, read only inside the repository, only a regular file, bounded. */
function readText(file: string, root: string): string {
  const shown = display(root, file);
  try {
    const real = resolveInside(root, root, file);
    return readRegularFile(real, MAX_CONFIG_BYTES).toString('utf8');
  } catch (error) {
    if (error instanceof UnsafeFileError) {
      throw new ConfigError([{ file: shown, message: error.message }]);
    }
    throw error;
  }
}

function readIgnoreFiles({ root, cwd, ignoreFiles }: PolicyOptions): Exception[] {
  const files = ignoreFiles?.length
    ? ignoreFiles.map((file) => path.resolve(cwd ?? root, file))
    : nearest(root, cwd, DEFAULT_IGNORE_FILES);
  return files.flatMap((file) => {
    if (!exists(file)) {
      throw new ConfigError([{ file: display(root, file), message: 'ignore file not found' }]);
    }
    const text = readText(file, root);
    try {
      return /\.ya?ml$/.test(file)
        ? parseTrivyIgnoreYaml(text, display(root, file))
        : parseTrivyIgnore(text, display(root, file));
    } catch (error) {
      if (error instanceof IgnoreFileError) throw new ConfigError(error.problems);
      throw error;
    }
  });
}

/** The files of `names` in the nearest folder (from cwd up to the root) holding any of them. */
function nearest(root: string, cwd: string | undefined, names: readonly string[]): string[] {
  for (const dir of foldersUp(root, cwd)) {
    const found = names.map((name) => path.join(dir, name)).filter(exists);
    if (found.length) return found;
  }
  return [];
}

function readHadolintConfig({ root, cwd }: PolicyOptions): HadolintConfig | undefined {
  const [file] = nearest(root, cwd, HADOLINT_FILES);
  if (!file) return undefined;
  const { config, problems } = parseHadolintConfig(readText(file, root), display(root, file));
  if (problems.length) throw new ConfigError(problems);
  return config;
}

/** What .hadolint.yaml says about enabled DL rules: options (trusted registries, label
 *  schema) and `override` severities. Its `ignored` list becomes exceptions instead, so those
 *  findings are still reported as suppressed. */
function applyHadolintConfig(config: HadolintConfig, rules: Map<string, EnabledRule>): void {
  for (const [id, options] of hadolintRuleOptions(config)) {
    const rule = rules.get(id);
    if (rule) rule.options = { ...options, ...rule.options };
  }
  for (const [id, { severity }] of config.override) {
    const rule = rules.get(id);
    if (rule) rule.severity = severity;
  }
}
