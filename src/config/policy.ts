// The policy: which rules run at which severity, what to scan, when to fail. Built from builtin
// packs and the user's policy file, every mistake reported with file, line and key.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { closest, distance } from 'fastest-levenshtein';
import { isMap, isScalar, LineCounter, parseDocument, type Node } from 'yaml';
import { FAIL_ON_VALUES, SEVERITIES, type FailOn, type Severity } from '../model.js';
import { allRuleKeys, findRuleMeta } from '../rules/index.js';
import { ConfigError, type ConfigProblem } from './errors.js';
import { builtinPacks } from './packs.js';

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
  /** The policy file in force, repository-relative, if any. */
  file?: string;
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
}

export const DEFAULT_POLICY_FILES = ['.kube-policy-gate.yaml', '.github/kube-policy-gate.yaml'];
const DEFAULT_FAIL_ON: FailOn = 'high';
const TOP_LEVEL_KEYS = ['extends', 'failOn', 'rules', 'paths', 'exclude'];
const PACK_KEYS = ['name', 'description', 'extends', 'rules'];

/** A rule setting as written: `off`, `on`, a severity, or `{ severity, options }`. */
type RuleSetting =
  { enabled: false } | { enabled: true; severity?: Severity; options?: Record<string, unknown> };

interface PolicyDocument {
  file: string;
  extends: string[];
  failOn?: FailOn;
  rules: Map<string, RuleSetting>;
  paths: string[];
  exclude: string[];
}

export function loadPolicy(options: PolicyOptions): Policy {
  const file = findPolicyFile(options);
  const own = file ? readPolicyDocument(file, options.root, TOP_LEVEL_KEYS) : undefined;
  const packs = options.packs?.length
    ? options.packs
    : own?.extends.length
      ? own.extends
      : ['default'];
  const problems: ConfigProblem[] = [];
  const rules = new Map<string, EnabledRule>();
  const origin = own?.file ?? '--policy';
  for (const pack of packs) applyExtends(pack, origin, options.root, rules, new Set(), problems);
  if (problems.length) throw new ConfigError(problems);
  if (own) applyRules(own.rules, rules);
  return {
    failOn: options.failOn ?? own?.failOn ?? DEFAULT_FAIL_ON,
    rules,
    paths: own?.paths ?? [],
    exclude: own?.exclude ?? [],
    file: own?.file,
  };
}

function findPolicyFile(options: PolicyOptions): string | undefined {
  if (options.configFile) {
    const file = path.resolve(options.root, options.configFile);
    if (!existsSync(file)) {
      throw new ConfigError([{ file: options.configFile, message: 'policy file not found' }]);
    }
    return file;
  }
  return DEFAULT_POLICY_FILES.map((name) => path.join(options.root, name)).find((f) =>
    existsSync(f),
  );
}

function applyExtends(
  name: string,
  from: string,
  root: string,
  rules: Map<string, EnabledRule>,
  seen: Set<string>,
  problems: ConfigProblem[],
): void {
  if (seen.has(name)) {
    problems.push({ file: from, key: 'extends', message: `'${name}' extends itself (a cycle)` });
    return;
  }
  seen.add(name);
  let pack: PolicyDocument;
  if (Object.hasOwn(builtinPacks, name)) {
    pack = parsePolicyText(builtinPacks[name], `policies/${name}.yaml`, PACK_KEYS);
  } else if (/^\.{0,2}\//.test(name) || /\.ya?ml$/.test(name)) {
    const file = path.resolve(root, path.dirname(from === '--policy' ? '.' : from), name);
    if (!existsSync(file)) {
      problems.push({ file: from, key: 'extends', message: `'${name}' not found` });
      return;
    }
    pack = readPolicyDocument(file, root, TOP_LEVEL_KEYS);
  } else {
    const suggestion = closest(name, Object.keys(builtinPacks));
    problems.push({
      file: from,
      key: 'extends',
      message: `unknown pack '${name}' (builtin packs: ${Object.keys(builtinPacks).join(', ')}; did you mean '${suggestion}'?)`,
    });
    return;
  }
  for (const parent of pack.extends) applyExtends(parent, pack.file, root, rules, seen, problems);
  applyRules(pack.rules, rules);
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
  const display = path.relative(root, file).split(path.sep).join('/') || file;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new ConfigError([{ file: display, message: `cannot read: ${(error as Error).message}` }]);
  }
  return parsePolicyText(text, display, keys);
}

/** Parses and validates a policy file or pack; throws ConfigError listing every problem. */
export function parsePolicyText(text: string, file: string, keys: string[]): PolicyDocument {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  const problems: ConfigProblem[] = [];
  const lineOf = (node: unknown) => {
    const offset = (node as Node | undefined)?.range?.[0];
    return offset === undefined ? undefined : lineCounter.linePos(offset).line;
  };
  const problem = (node: unknown, key: string | undefined, message: string) =>
    problems.push({ file, line: lineOf(node), key, message });

  const result: PolicyDocument = { file, extends: [], rules: new Map(), paths: [], exclude: [] };
  if (doc.errors.length) {
    const error = doc.errors[0];
    problems.push({
      file,
      line: error.linePos?.[0].line,
      message: error.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, ''),
    });
    throw new ConfigError(problems);
  }
  const contents = doc.contents;
  if (contents === null || (isScalar(contents) && contents.value === null)) return result;
  if (!isMap(contents)) {
    problem(
      contents,
      undefined,
      'a policy file must be a mapping of keys (extends, failOn, rules, ...)',
    );
    throw new ConfigError(problems);
  }

  for (const pair of contents.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
    const value = pair.value;
    switch (keys.includes(key) ? key : '') {
      case 'name':
      case 'description':
        break;
      case 'extends':
        result.extends = stringList(value, key, problem);
        break;
      case 'paths':
      case 'exclude':
        result[key as 'paths' | 'exclude'] = stringList(value, key, problem);
        break;
      case 'failOn': {
        const failOn = isScalar(value) ? String(value.value) : undefined;
        if (failOn && (FAIL_ON_VALUES as readonly string[]).includes(failOn)) {
          result.failOn = failOn as FailOn;
        } else {
          problem(value ?? pair.key, key, `must be one of ${FAIL_ON_VALUES.join(', ')}`);
        }
        break;
      }
      case 'rules':
        result.rules = ruleSettings(value, problem);
        break;
      default: {
        const suggestion = closest(key, keys);
        const hint = distance(key, suggestion) <= 3 ? ` (did you mean '${suggestion}'?)` : '';
        problem(pair.key, key, `unknown key${hint}; known keys: ${keys.join(', ')}`);
      }
    }
  }
  if (problems.length) throw new ConfigError(problems);
  return result;
}

type Report = (node: unknown, key: string | undefined, message: string) => void;

function stringList(node: unknown, key: string, problem: Report): string[] {
  const value: unknown = (node as Node | null)?.toJSON();
  const list = typeof value === 'string' ? [value] : value;
  if (!Array.isArray(list) || !list.every((item) => typeof item === 'string')) {
    problem(node, key, 'must be a string or a list of strings');
    return [];
  }
  return list;
}

function ruleSettings(node: unknown, problem: Report): Map<string, RuleSetting> {
  const settings = new Map<string, RuleSetting>();
  if (node === null || node === undefined) return settings;
  if (!isMap(node)) {
    problem(node, 'rules', 'must map rule IDs to off, on, a severity or { severity, options }');
    return settings;
  }
  for (const pair of node.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
    const meta = findRuleMeta(key);
    if (!meta) {
      const suggestion = closest(key, allRuleKeys());
      problem(pair.key, `rules.${key}`, `unknown rule (did you mean '${suggestion}'?)`);
      continue;
    }
    const setting = ruleSetting(pair.value);
    if (typeof setting === 'string') problem(pair.value ?? pair.key, `rules.${key}`, setting);
    else settings.set(meta.id, setting);
  }
  return settings;
}

/** A rule's setting, or the message saying why it is invalid. */
function ruleSetting(node: unknown): RuleSetting | string {
  const expected = `must be off, on, one of ${SEVERITIES.join(', ')}, or { severity, options }`;
  const value = (node as Node | null)?.toJSON?.();
  if (value === 'off' || value === false) return { enabled: false };
  if (value === 'on' || value === true || value === null || value === undefined)
    return { enabled: true };
  if (typeof value === 'string') {
    return (SEVERITIES as readonly string[]).includes(value)
      ? { enabled: true, severity: value as Severity }
      : expected;
  }
  if (typeof value === 'object' && !Array.isArray(value)) {
    const { severity, options, ...rest } = value as Record<string, unknown>;
    const extra = Object.keys(rest);
    if (extra.length) return `unknown key '${extra[0]}' (a rule takes severity and options)`;
    if (severity === 'off') return { enabled: false };
    if (severity !== undefined && !(SEVERITIES as readonly unknown[]).includes(severity)) {
      return `severity ${expected.replace('must be off, on, ', 'must be off, ')}`;
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
  return expected;
}
