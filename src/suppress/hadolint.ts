// hadolint's own ways to accept findings, as data: inline pragmas (`# hadolint ignore=DL3008`,
// `# hadolint stage ignore=...`, `# hadolint global ignore=...`, `# hadolint shell=...`) and
// `.hadolint.yaml`. `hadolintSuppression` applies them to DL findings; the pipeline wires it in.
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node, type Pair } from 'yaml';
import type { FailOn, Severity } from '../model.js';
import { labelSchemaOptions, type LabelType } from '../rules/docker/label-schema.js';
import { trustedRegistries } from '../rules/docker/trusted-registries.js';
import { optionProblemText, validateOptions, type OptionsSchema } from '../rules/options.js';
import type { DockerfileModel } from '../sources/dockerfile.js';
import type { Exception } from './exception.js';

const RULE_CODE = /^(DL|SC)\d{4}$/;
const DL_CODE = /^DL\d{4}$/;
const POSIX_SHELLS = new Set(['sh', 'bash', 'dash', 'ash', 'ksh', 'mksh', 'zsh', 'busybox']);

export interface IgnorePragma {
  ids: string[];
  reason?: string;
  /** Line of the `# hadolint ...` comment. */
  pragmaLine: number;
}

export interface HadolintPragmas {
  file: string;
  /** `# hadolint ignore=`: keyed by the line of the instruction right below the pragma. */
  ignoreByLine: Map<number, IgnorePragma>;
  /** `# hadolint stage ignore=`: applies from the next FROM to the end of that stage. */
  stageIgnores: Array<IgnorePragma & { fromLine: number; toLine: number }>;
  /** `# hadolint global ignore=`: the whole file. */
  globalIgnores: IgnorePragma[];
  /** `# hadolint shell=...`, when given. */
  shell?: string;
  /** False when the shell pragma names a non-POSIX shell (powershell, cmd): shell rules are off. */
  posixShell: boolean;
}

/** `DL3008, DL3015 optional reason` or `= DL3023 , DL3021 # reason` -> ids and reason; `undefined`
 *  when a listed code is not a rule code (hadolint then ignores the whole pragma). */
function parseIgnoreList(body: string, pragmaLine: number): IgnorePragma | undefined {
  const match = /^\s*=\s*((?:[^\s,#]+\s*,\s*)*[^\s,#]+)\s*(.*)$/.exec(body);
  if (!match) return undefined;
  const ids = match[1].split(',').map((id) => id.trim());
  if (!ids.every((id) => RULE_CODE.test(id))) return undefined;
  const reason = match[2].replace(/^#\s*/, '').trim();
  return { ids, ...(reason ? { reason } : {}), pragmaLine };
}

export function parseHadolintPragmas(model: DockerfileModel): HadolintPragmas {
  const pragmas: HadolintPragmas = {
    file: model.file,
    ignoreByLine: new Map(),
    stageIgnores: [],
    globalIgnores: [],
    posixShell: true,
  };
  // Comments and stages are both in line order: one pass over each, not a search per comment.
  const instructionAt = new Map(model.instructions.map((i) => [i.line, i]));
  let stageIndex = 0;
  for (const comment of model.comments) {
    const match = /^hadolint\s+(?:(global|stage)\s+)?(ignore|shell)\b(.*)$/i.exec(comment.text);
    if (!match) continue;
    const [, scope, kind, body] = match;
    if (kind.toLowerCase() === 'shell') {
      const shell = /^\s*=\s*(\S+)/.exec(body)?.[1];
      if (shell) {
        pragmas.shell = shell;
        pragmas.posixShell = POSIX_SHELLS.has(shell.replace(/^.*\//, '').toLowerCase());
      }
      continue;
    }
    const ignore = parseIgnoreList(body, comment.line);
    if (!ignore) continue;
    if (scope?.toLowerCase() === 'global') {
      pragmas.globalIgnores.push(ignore);
    } else if (scope?.toLowerCase() === 'stage') {
      while (stageIndex < model.stages.length && model.stages[stageIndex].from.line <= comment.line)
        stageIndex++;
      if (stageIndex >= model.stages.length) continue;
      const next = model.stages[stageIndex + 1];
      pragmas.stageIgnores.push({
        ...ignore,
        fromLine: model.stages[stageIndex].from.line,
        toLine: next ? next.from.line - 1 : Number.MAX_SAFE_INTEGER,
      });
    } else {
      // The pragma covers the instruction on the very next line only.
      const next = instructionAt.get(comment.line + 1);
      if (next) pragmas.ignoreByLine.set(next.line, ignore);
    }
  }
  return pragmas;
}

export type HadolintLevel = 'error' | 'warning' | 'info' | 'style';

/** hadolint severity -> ours: error -> high, warning -> medium, info -> low, style -> info. */
export const HADOLINT_SEVERITY: Record<HadolintLevel, Severity> = {
  error: 'high',
  warning: 'medium',
  info: 'low',
  style: 'info',
};

export interface HadolintConfig {
  file: string;
  ignored: Array<{ id: string; line: number }>;
  /** Rule code -> severity it is raised with, and the config line saying so. */
  override: Map<string, { severity: Severity; line: number }>;
  trustedRegistries?: string[];
  labelSchema?: Record<string, LabelType>;
  strictLabels?: boolean;
  disableIgnorePragma: boolean;
  /** `failure-threshold` as our fail-on threshold for Dockerfile findings. */
  failureThreshold?: FailOn;
}

export interface ConfigProblem {
  file: string;
  line: number;
  message: string;
}

/** The .hadolint.yaml keys that are rule options: the rule's own option schema checks them. */
const RULE_OPTION_KEYS: Record<string, { option: string; schema: OptionsSchema }> = {
  trustedRegistries: { option: 'trustedRegistries', schema: trustedRegistries.meta.options! },
  'label-schema': { option: 'labelSchema', schema: labelSchemaOptions },
  'strict-labels': { option: 'strictLabels', schema: labelSchemaOptions },
};
const THRESHOLDS: Record<string, FailOn> = { ...HADOLINT_SEVERITY, none: 'none', ignore: 'none' };
// Keys hadolint accepts that only affect its own output; accepted and ignored here.
const OUTPUT_KEYS = new Set(['format', 'no-color', 'no-fail', 'verbose', 'require-labels']);

export function parseHadolintConfig(
  text: string,
  file: string,
): { config?: HadolintConfig; problems: ConfigProblem[] } {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, logLevel: 'error', prettyErrors: false });
  const problems: ConfigProblem[] = [];
  const lineOf = (node: Node | null | undefined) =>
    node?.range ? lineCounter.linePos(node.range[0]).line : 1;
  const problem = (node: Node | null | undefined, message: string) =>
    problems.push({ file, line: lineOf(node), message });

  for (const error of document.errors) {
    problems.push({ file, line: lineCounter.linePos(error.pos[0]).line, message: error.message });
  }
  if (problems.length) return { problems };
  const config: HadolintConfig = {
    file,
    ignored: [],
    override: new Map(),
    disableIgnorePragma: false,
  };
  const root = document.contents;
  if (root === null) return { config, problems };
  if (!isMap(root)) {
    problem(root, 'a .hadolint.yaml must be a mapping');
    return { problems };
  }
  const codes = (node: unknown, key: string): Array<{ id: string; line: number }> => {
    if (!isSeq(node)) {
      problem(node as Node, `'${key}' must be a list of rule codes`);
      return [];
    }
    return node.items.flatMap((item) => {
      const id = isScalar(item) ? String(item.value).trim() : '';
      if (!RULE_CODE.test(id)) {
        problem(item as Node, `'${key}': '${id}' is not a rule code like DL3008`);
        return [];
      }
      return [{ id, line: lineOf(item as Node) }];
    });
  };
  /** The value of a key that is a rule option, or undefined (and problems) when its rule's
   *  option schema refuses it; each problem is placed on the entry at fault. */
  const ruleOption = <T>(pair: Pair, key: string): T | undefined => {
    const { option, schema } = RULE_OPTION_KEYS[key]!;
    const value = (pair.value as Node | null)?.toJSON?.() ?? null;
    const refused = validateOptions(schema, { [option]: value });
    for (const refusal of refused) {
      const entry = refusal.path.slice(1);
      const where = entryNode(pair.value ?? pair.key, entry);
      problem(where, `'${[key, ...entry].join('.')}': ${optionProblemText(refusal)}`);
    }
    return refused.length ? undefined : (value as T);
  };
  const boolean = (node: unknown, key: string): boolean | undefined => {
    if (isScalar(node) && typeof node.value === 'boolean') return node.value;
    problem(node as Node, `'${key}' must be true or false`);
    return undefined;
  };

  for (const pair of root.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    const value = pair.value;
    switch (key) {
      case 'ignored':
        config.ignored.push(...codes(value, key));
        break;
      case 'override':
        if (!isMap(value)) {
          problem(
            value as Node,
            "'override' must map error/warning/info/style to lists of rule codes",
          );
          break;
        }
        for (const level of value.items) {
          const name = isScalar(level.key) ? String(level.key.value) : '';
          const severity = HADOLINT_SEVERITY[name as HadolintLevel];
          if (!severity) {
            problem(
              level.key as Node,
              `'override.${name}': expected error, warning, info or style`,
            );
            continue;
          }
          for (const { id, line } of codes(level.value, `override.${name}`)) {
            config.override.set(id, { severity, line });
          }
        }
        break;
      case 'trustedRegistries':
        config.trustedRegistries = ruleOption(pair, key);
        break;
      case 'label-schema':
        config.labelSchema = ruleOption(pair, key);
        break;
      case 'strict-labels':
        config.strictLabels = ruleOption(pair, key);
        break;
      case 'disable-ignore-pragma':
        config.disableIgnorePragma = boolean(value, key) ?? false;
        break;
      case 'failure-threshold': {
        const threshold = isScalar(value) ? THRESHOLDS[String(value.value)] : undefined;
        if (threshold) config.failureThreshold = threshold;
        else
          problem(
            value as Node,
            "'failure-threshold': expected error, warning, info, style or none",
          );
        break;
      }
      default:
        if (!OUTPUT_KEYS.has(key)) problem(pair.key as Node, `unknown .hadolint.yaml key '${key}'`);
    }
  }
  return { config, problems };
}

/** The node of the entry at `path` under a mapping `node` (its value, else its key), else `node`. */
function entryNode(node: unknown, path: readonly string[]): Node {
  let found = node;
  for (const key of path) {
    const pair = isMap(found)
      ? found.items.find((item) => isScalar(item.key) && String(item.key.value) === key)
      : undefined;
    if (!pair) break;
    found = pair.value ?? pair.key;
  }
  return found as Node;
}

/** Rule options a .hadolint.yaml implies, keyed by rule ID, to merge into the policy. */
export function hadolintRuleOptions(config: HadolintConfig): Map<string, Record<string, unknown>> {
  const options = new Map<string, Record<string, unknown>>();
  if (config.trustedRegistries) {
    options.set('DL3026', { trustedRegistries: config.trustedRegistries });
  }
  if (config.labelSchema || config.strictLabels !== undefined) {
    const labels = {
      ...(config.labelSchema ? { labelSchema: config.labelSchema } : {}),
      ...(config.strictLabels !== undefined ? { strictLabels: config.strictLabels } : {}),
    };
    for (const id of [
      'DL3049',
      'DL3050',
      'DL3051',
      'DL3052',
      'DL3053',
      'DL3054',
      'DL3055',
      'DL3056',
      'DL3058',
    ]) {
      options.set(id, labels);
    }
  }
  return options;
}

/**
 * The exceptions hadolint's `.hadolint.yaml` `ignored` list and inline pragmas stand for, so
 * they go through the same suppression stage as every other accepted finding (and are reported
 * when expired or unused). Pragmas naming ShellCheck (SC) codes are left out: those checks are
 * not ours. `disable-ignore-pragma: true` drops the pragmas.
 */
export function hadolintExceptions(
  dockerfiles: readonly DockerfileModel[],
  config?: HadolintConfig,
): Exception[] {
  const exceptions: Exception[] = [];
  const ours = (ids: readonly string[]) => new Set(ids.filter((id) => DL_CODE.test(id)));
  for (const { id, line } of config?.ignored ?? []) {
    if (!DL_CODE.test(id)) continue;
    exceptions.push({
      source: 'hadolint-config',
      file: config!.file,
      line,
      written: id,
      ruleIds: new Set([id]),
    });
  }
  if (config?.disableIgnorePragma) return exceptions;
  for (const model of dockerfiles) {
    const pragmas = parseHadolintPragmas(model);
    const covering = (pragma: IgnorePragma, from: number, to: number) => {
      const ruleIds = ours(pragma.ids);
      if (ruleIds.size === 0) return;
      exceptions.push({
        source: 'hadolint-pragma',
        file: model.file,
        line: pragma.pragmaLine,
        written: pragma.ids.join(','),
        ruleIds,
        lines: { file: model.file, from, to },
        ...(pragma.reason ? { reason: pragma.reason } : {}),
      });
    };
    for (const [line, pragma] of pragmas.ignoreByLine) covering(pragma, line, line);
    for (const pragma of pragmas.stageIgnores) covering(pragma, pragma.fromLine, pragma.toLine);
    for (const pragma of pragmas.globalIgnores) covering(pragma, 1, Number.MAX_SAFE_INTEGER);
  }
  return exceptions;
}
