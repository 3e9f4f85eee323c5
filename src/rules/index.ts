// The rule registry: every rule's metadata, and lookup by ID, alias or readable name.
import { dockerRules } from './docker/index.js';
import { engineRules } from './engine-rules.js';
import { k8sRules } from './k8s/index.js';
import type { Rule, RuleMeta } from './types.js';
import { ADMISSION_POLICY_DOCS_URL } from '../version.js';

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

/** `vap/<policy>`: the findings of a ValidatingAdmissionPolicy (severity from the binding's action). */
export const ADMISSION_POLICY_PREFIX = 'vap/';

function admissionPolicyMeta(id: string): RuleMeta {
  const policy = id.slice(ADMISSION_POLICY_PREFIX.length);
  return {
    id,
    name: id,
    aliases: [],
    severity: 'high',
    title: policy,
    description: `What the ValidatingAdmissionPolicy '${policy}' and its bindings would deny, warn about or audit on a CREATE.`,
    rationale: 'The cluster applies this policy: what it denies cannot be deployed.',
    fix: "Change the object so that the policy's validations hold, or the policy or its binding.",
    url: ADMISSION_POLICY_DOCS_URL,
  };
}

/** The rule an ID, alias (`AVD-KSV-0001`, `KSV-0001`) or readable name refers to. */
export function findRuleMeta(key: string): RuleMeta | undefined {
  const lower = key.trim().toLowerCase();
  if (lower.startsWith(ADMISSION_POLICY_PREFIX) && lower.length > ADMISSION_POLICY_PREFIX.length)
    return admissionPolicyMeta(key.trim());
  return byKey.get(lower) ?? customByKey.get(lower);
}

export function ruleById(id: string): Rule | undefined {
  return allRules.find((rule) => rule.meta.id === id);
}

/** Every key that names some rule, for "did you mean" suggestions. */
export function allRuleKeys(): string[] {
  return [...allRuleMetas, ...customMetas].flatMap((meta) => [meta.id, meta.name]);
}
