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

// The policy file's custom rules, registered when it is read (and again in the scan worker).
let customByKey = new Map<string, RuleMeta>();
let customMetas: readonly RuleMeta[] = [];
export function setCustomRuleMetas(metas: readonly RuleMeta[]): void {
  customMetas = metas;
  customByKey = new Map(
    metas.flatMap((meta) => [meta.id, meta.name].map((key) => [key.toLowerCase(), meta] as const)),
  );
}

/** A builtin rule an ID, alias or name refers to (custom rules must not collide with these). */
export function findBuiltinRuleMeta(key: string): RuleMeta | undefined {
  return byKey.get(key.trim().toLowerCase());
}

/** The rule an ID, alias (`AVD-KSV-0001`, `KSV-0001`) or readable name refers to. */
export function findRuleMeta(key: string): RuleMeta | undefined {
  const lower = key.trim().toLowerCase();
  return byKey.get(lower) ?? customByKey.get(lower);
}

export function ruleById(id: string): Rule | undefined {
  return allRules.find((rule) => rule.meta.id === id);
}

/** Every key that names some rule, for "did you mean" suggestions. */
export function allRuleKeys(): string[] {
  return [...allRuleMetas, ...customMetas].flatMap((meta) => [meta.id, meta.name]);
}
