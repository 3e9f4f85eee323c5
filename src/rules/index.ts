// The rule registry: every rule's metadata, and lookup by ID, alias or readable name.
import { dockerRules } from './docker/index.js';
import { engineRules } from './engine-rules.js';
import { k8sRules } from './k8s/index.js';
import type { Rule, RuleMeta } from './types.js';

export const allRules: readonly Rule[] = [...k8sRules, ...dockerRules];

export const allRuleMetas: readonly RuleMeta[] = [...engineRules, ...allRules.map((r) => r.meta)];

const byKey = new Map<string, RuleMeta>();
for (const meta of allRuleMetas) {
  for (const key of [meta.id, meta.name, ...meta.aliases]) byKey.set(key.toLowerCase(), meta);
}

/** The rule an ID, alias (`AVD-KSV-0001`, `KSV-0001`) or readable name refers to. */
export function findRuleMeta(key: string): RuleMeta | undefined {
  return byKey.get(key.trim().toLowerCase());
}

export function ruleById(id: string): Rule | undefined {
  return allRules.find((rule) => rule.meta.id === id);
}

/** Every key that names some rule, for "did you mean" suggestions. */
export function allRuleKeys(): string[] {
  return allRuleMetas.flatMap((meta) => [meta.id, meta.name]);
}
