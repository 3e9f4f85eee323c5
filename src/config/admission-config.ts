// The policy file's CEL keys: `customRules`, `admission` and `kubernetesVersion`. Each custom rule's
// expressions are compiled here, so a mistake is a configuration error at the expression's
// file:line:column, before anything is scanned.
import { isMap, isScalar, isSeq, type LineCounter, type Node, type Scalar } from 'yaml';
import { SEVERITIES, type Severity } from '../model.js';
import {
  CelError,
  celGoCompileError,
  parseKubernetesMinor,
  type Position,
} from '../rules/cel/environment.js';
import {
  compileCustomRule,
  customRuleMeta,
  CUSTOM_RULE_ID,
  type CustomRuleDefinition,
} from '../rules/custom/custom-rules.js';
import { findBuiltinRuleMeta, setCustomRuleMetas } from '../rules/index.js';
import type { ConfigProblem } from './errors.js';

export const CUSTOM_RULE_KEYS = [
  'id',
  'severity',
  'title',
  'description',
  'match',
  'expression',
  'message',
  'messageExpression',
];
export const ADMISSION_KEYS = ['namespaces'];

/** Namespace labels declared for namespaces the repository does not define (or overrides). */
export interface AdmissionConfig {
  namespaces: Record<string, { labels: Record<string, string> }>;
}

type Problems = ConfigProblem[];
const plain = (node: unknown): unknown => (node as Node | null)?.toJSON?.() ?? null;

interface Context {
  file: string;
  lineCounter: LineCounter;
  problems: Problems;
}

function at(
  ctx: Context,
  node: unknown,
  key: string,
  message: string,
  column?: number,
  line?: number,
): void {
  const offset = (node as Node | undefined)?.range?.[0];
  ctx.problems.push({
    file: ctx.file,
    line: line ?? (offset === undefined ? undefined : ctx.lineCounter.linePos(offset).line),
    column,
    key,
    message,
  });
}

/** Where a position inside a scalar's value is in the file (block scalars: the content lines). */
export function positionInFile(
  node: Scalar,
  text: string,
  lineCounter: LineCounter,
  position: Position,
): { line: number; column: number } {
  const start = node.range?.[0] ?? 0;
  if (node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED') {
    const contentStart = text.indexOf('\n', start) + 1;
    const indent = /^ */.exec(text.slice(contentStart))![0].length;
    const first = lineCounter.linePos(contentStart).line;
    return { line: first + position.line - 1, column: indent + position.column };
  }
  const base = lineCounter.linePos(start);
  const quote = node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE' ? 1 : 0;
  if (position.line === 1)
    return { line: base.line, column: base.col + quote + position.column - 1 };
  return { line: base.line + position.line - 1, column: position.column };
}

export function parseKubernetesVersion(node: unknown, ctx: Context): string | undefined {
  const value = plain(node);
  const text = typeof value === 'number' ? String(value) : value;
  if (typeof text === 'string') {
    try {
      parseKubernetesMinor(text);
      return text;
    } catch (error) {
      at(
        ctx,
        node,
        'kubernetesVersion',
        (error as Error).message.replace(/^kubernetesVersion /, ''),
      );
      return undefined;
    }
  }
  at(ctx, node, 'kubernetesVersion', 'must be a Kubernetes version like "1.34"');
  return undefined;
}

export function parseCustomRules(
  node: unknown,
  ctx: Context & { text: string; kubernetesVersion: string },
): CustomRuleDefinition[] {
  if (plain(node) === null) return [];
  if (!isSeq(node)) {
    at(
      ctx,
      node,
      'customRules',
      'must be a list of rules (id, severity, title, match, expression, message)',
    );
    return [];
  }
  const rules: CustomRuleDefinition[] = [];
  const seen = new Set<string>();
  node.items.forEach((item, index) => {
    const key = `customRules[${index}]`;
    if (!isMap(item)) {
      at(ctx, item, key, `must be a mapping with keys ${CUSTOM_RULE_KEYS.join(', ')}`);
      return;
    }
    const fields = new Map<string, Node | null>();
    for (const pair of item.items) {
      const name = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
      if (CUSTOM_RULE_KEYS.includes(name)) fields.set(name, pair.value as Node | null);
      else
        at(
          ctx,
          pair.key,
          `${key}.${name}`,
          `unknown key; known keys: ${CUSTOM_RULE_KEYS.join(', ')}`,
        );
    }
    const text = (name: string, required: boolean): string | undefined => {
      const value = plain(fields.get(name));
      if (value === null && !required) return undefined;
      if (typeof value === 'string' && value.trim()) return value;
      at(
        ctx,
        fields.get(name) ?? item,
        `${key}.${name}`,
        required ? 'missing: a non-empty string is required' : 'must be a non-empty string',
      );
      return undefined;
    };
    const id = text('id', true);
    const title = text('title', true);
    const expression = text('expression', true);
    const message = text('message', false);
    const messageExpression = text('messageExpression', false);
    const description = text('description', false);
    const severityValue = plain(fields.get('severity'));
    let severity: Severity | undefined;
    if ((SEVERITIES as readonly unknown[]).includes(severityValue))
      severity = severityValue as Severity;
    else
      at(
        ctx,
        fields.get('severity') ?? item,
        `${key}.severity`,
        `must be one of ${SEVERITIES.join(', ')}`,
      );
    let kinds: string[] = [];
    const match = fields.get('match');
    if (match !== undefined && plain(match) !== null) {
      const value = plain(match) as { kinds?: unknown } | null;
      const extra =
        value && typeof value === 'object' ? Object.keys(value).filter((k) => k !== 'kinds') : [];
      if (!value || typeof value !== 'object' || Array.isArray(value) || extra.length)
        at(ctx, match, `${key}.match`, 'must be a mapping with the key kinds');
      else if (value.kinds !== undefined) {
        if (Array.isArray(value.kinds) && value.kinds.every((k) => typeof k === 'string' && k))
          kinds = value.kinds as string[];
        else
          at(
            ctx,
            match,
            `${key}.match.kinds`,
            'must be a list of kinds (Deployment, StatefulSet, ...)',
          );
      }
    }
    if (id !== undefined) {
      if (!CUSTOM_RULE_ID.test(id))
        at(ctx, fields.get('id'), `${key}.id`, `'${id}' must match ${CUSTOM_RULE_ID.source}`);
      else if (findBuiltinRuleMeta(id))
        at(ctx, fields.get('id'), `${key}.id`, `'${id}' is a builtin rule ID or alias`);
      else if (seen.has(id)) at(ctx, fields.get('id'), `${key}.id`, `'${id}' is declared twice`);
      seen.add(id);
    }
    for (const [name, source] of [
      ['expression', expression],
      ['messageExpression', messageExpression],
    ] as const) {
      if (source === undefined) continue;
      try {
        compileCustomRule({ expression: source }, ctx.kubernetesVersion);
      } catch (error) {
        if (!(error instanceof CelError)) throw error;
        const scalar = fields.get(name) as Scalar;
        const where = error.position
          ? positionInFile(scalar, ctx.text, ctx.lineCounter, error.position)
          : undefined;
        // The API server's wording, on one line (a configuration problem is one line).
        const text = `compilation failed: ${celGoCompileError(source, error, false)}`;
        at(ctx, scalar, `${key}.${name}`, text, where?.column, where?.line);
      }
    }
    if (id && title && expression && severity && CUSTOM_RULE_ID.test(id))
      rules.push({
        id,
        severity,
        title,
        ...(description ? { description } : {}),
        kinds,
        expression,
        ...(message ? { message } : {}),
        ...(messageExpression ? { messageExpression } : {}),
        file: ctx.file,
        line: ctx.lineCounter.linePos(item.range?.[0] ?? 0).line,
      });
  });
  // Known from here on: `rules:` and `ignore:` entries may name them.
  setCustomRuleMetas(rules.map(customRuleMeta));
  return rules;
}

export function parseAdmission(node: unknown, ctx: Context): AdmissionConfig {
  const config: AdmissionConfig = { namespaces: {} };
  const value = plain(node);
  if (value === null) return config;
  if (!isMap(node) || typeof value !== 'object' || Array.isArray(value)) {
    at(ctx, node, 'admission', 'must be a mapping with the key namespaces');
    return config;
  }
  for (const pair of node.items) {
    const name = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
    if (name !== 'namespaces') {
      at(
        ctx,
        pair.key,
        `admission.${name}`,
        `unknown key; known keys: ${ADMISSION_KEYS.join(', ')}`,
      );
      continue;
    }
    const namespaces = plain(pair.value);
    if (!namespaces || typeof namespaces !== 'object' || Array.isArray(namespaces)) {
      at(ctx, pair.value, 'admission.namespaces', 'must map namespace names to { labels: {...} }');
      continue;
    }
    for (const [ns, spec] of Object.entries(namespaces as Record<string, unknown>)) {
      const labels = (spec as { labels?: unknown } | null)?.labels;
      const keys = spec && typeof spec === 'object' ? Object.keys(spec) : [];
      if (
        !labels ||
        typeof labels !== 'object' ||
        Array.isArray(labels) ||
        keys.some((k) => k !== 'labels') ||
        !Object.values(labels).every((v) => typeof v === 'string')
      ) {
        at(
          ctx,
          pair.value,
          `admission.namespaces.${ns}`,
          'must be { labels: { name: "value", ... } } with string values',
        );
        continue;
      }
      config.namespaces[ns] = { labels: { ...(labels as Record<string, string>) } };
    }
  }
  return config;
}
