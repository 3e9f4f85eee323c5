// The policy: which rules run at which severity, what to scan, what is accepted, when to fail.
// Built from builtin packs, the user's policy file and the ignore files users already have
// for Trivy; every mistake is reported with file, line and key.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { closest } from 'fastest-levenshtein';
import type { FailOn, Severity } from '../model.js';
import { findRuleMeta, setCustomRuleMetas } from '../rules/index.js';
import { DEFAULT_KUBERNETES_VERSION } from '../rules/cel/environment.js';
import { customRuleMeta, type CustomRuleDefinition } from '../rules/custom/custom-rules.js';
import type { AdmissionConfig } from './admission-config.js';
import type { Exception } from '../suppress/exception.js';
import {
  hadolintRuleOptions,
  parseHadolintConfig,
  type HadolintConfig,
} from '../suppress/hadolint.js';
import { parseTrivyIgnore, parseTrivyIgnoreYaml } from '../suppress/trivyignore.js';
import { ConfigError, type ConfigProblem } from './errors.js';
import { builtinPacks } from './packs.js';
import {
  PACK_KEYS,
  parsePolicyText,
  POLICY_KEYS,
  type ChartConfig,
  type PolicyDocument,
  type RuleSetting,
} from './parse.js';

export type { ChartConfig, ValuesSetConfig } from './parse.js';

export interface EnabledRule {
  severity: Severity;
  options?: Record<string, unknown>;
}

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
  /** The policy file in force, repository-relative, if any. */
  file?: string;
  /** `.hadolint.yaml` at the root: its `ignored` list and pragmas suppress DL findings. */
  hadolint?: HadolintConfig;
  /** hadolint's `failure-threshold`: the fail-on threshold for Dockerfile findings. */
  dockerfileFailOn?: FailOn;
  /** The Kubernetes release CEL expressions and admission are evaluated for (`"1.34"`). */
  kubernetesVersion?: string;
  /** `customRules:` of the policy files (enabled in `rules` unless turned off there). */
  customRules?: CustomRuleDefinition[];
  /** `admission:`: namespace labels the repository does not hold. */
  admission?: AdmissionConfig;
  /** `rules:` settings of `vap/<policy>` IDs: a severity replacing the action's, or off. */
  admissionRules?: Record<string, Severity | 'off'>;
}

export interface PolicyOptions {
  /** Repository root: policy file paths and `extends` paths resolve against it. */
  root: string;
  /** `--config` / the `config` input; otherwise the default locations are tried. */
  configFile?: string;
  /** `--policy` packs; when given they replace the policy file's `extends`. */
  packs?: string[];
  /** `--fail-on`; overrides the policy file. */
  failOn?: FailOn;
  /** `--ignorefile`; otherwise the default Trivy ignore files at the root are read. */
  ignoreFiles?: string[];
}

export const DEFAULT_POLICY_FILES = ['.kube-policy-gate.yaml', '.github/kube-policy-gate.yaml'];
export const DEFAULT_IGNORE_FILES = ['.trivyignore', '.trivyignore.yaml', '.trivyignore.yml'];
export const HADOLINT_FILES = ['.hadolint.yaml', '.hadolint.yml'];
const DEFAULT_FAIL_ON: FailOn = 'high';

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
  const from = own?.file ?? '--policy';
  for (const pack of packs) collectExtends(pack, from, root, extended, new Set(), problems);
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
  const hadolint = readHadolintConfig(root);
  if (hadolint) applyHadolintConfig(hadolint, rules);
  return {
    failOn: options.failOn ?? own?.failOn ?? DEFAULT_FAIL_ON,
    rules,
    paths: own?.paths ?? [],
    exclude: layers.flatMap((layer) => layer.exclude),
    exceptions: [...layers.flatMap((layer) => layer.ignore), ...readIgnoreFiles(options)],
    requireReason: own?.requireReason ?? true,
    charts: own?.charts ?? new Map(),
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

function findPolicyFile({ root, configFile }: PolicyOptions): string | undefined {
  if (configFile) {
    const file = path.resolve(root, configFile);
    if (!existsSync(file)) {
      throw new ConfigError([{ file: configFile, message: 'policy file not found' }]);
    }
    return file;
  }
  return DEFAULT_POLICY_FILES.map((name) => path.join(root, name)).find((f) => existsSync(f));
}

/** Packs and policy files named by `extends`, parents first, so later layers override. */
function collectExtends(
  name: string,
  from: string,
  root: string,
  into: PolicyDocument[],
  seen: Set<string>,
  problems: ConfigProblem[],
): void {
  if (seen.has(name)) {
    problems.push({ file: from, key: 'extends', message: `'${name}' extends itself (a cycle)` });
    return;
  }
  seen.add(name);
  let layer: PolicyDocument;
  if (Object.hasOwn(builtinPacks, name)) {
    layer = parsePolicyText(builtinPacks[name], `policies/${name}.yaml`, PACK_KEYS);
  } else if (/^\.{0,2}\//.test(name) || /\.ya?ml$/.test(name)) {
    const base = from === '--policy' ? root : path.dirname(path.resolve(root, from));
    const file = path.resolve(base, name);
    if (!existsSync(file)) {
      problems.push({ file: from, key: 'extends', message: `'${name}' not found` });
      return;
    }
    layer = readPolicyDocument(file, root, POLICY_KEYS);
  } else {
    const packs = Object.keys(builtinPacks);
    problems.push({
      file: from,
      key: 'extends',
      message: `unknown pack '${name}' (did you mean '${closest(name, packs)}'? builtin packs: ${packs.join(', ')})`,
    });
    return;
  }
  for (const parent of layer.extends ?? [])
    collectExtends(parent, layer.file, root, into, seen, problems);
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
  return parsePolicyText(readText(file, root), display(root, file), keys);
}

function readText(file: string, root: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    const message = `cannot read: ${(error as NodeJS.ErrnoException).code ?? error}`;
    throw new ConfigError([{ file: display(root, file), message }]);
  }
}

function readIgnoreFiles({ root, ignoreFiles }: PolicyOptions): Exception[] {
  const files = ignoreFiles?.length
    ? ignoreFiles.map((file) => path.resolve(root, file))
    : DEFAULT_IGNORE_FILES.map((name) => path.join(root, name)).filter((f) => existsSync(f));
  return files.flatMap((file) => {
    if (!existsSync(file)) {
      throw new ConfigError([{ file: display(root, file), message: 'ignore file not found' }]);
    }
    const text = readText(file, root);
    return /\.ya?ml$/.test(file)
      ? parseTrivyIgnoreYaml(text, display(root, file))
      : parseTrivyIgnore(text, display(root, file));
  });
}

function readHadolintConfig(root: string): HadolintConfig | undefined {
  const file = HADOLINT_FILES.map((name) => path.join(root, name)).find((f) => existsSync(f));
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
