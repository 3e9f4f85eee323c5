// Readers for RBAC objects shared by the KSV04x/05x/11x checks: the entries of a Role's or
// ClusterRole's `rules`, and the subjects and roleRef of a binding. Trivy's checks compare list
// members literally (`"*"` is only a wildcard where a check lists it), so these do too.
import type { K8sResource } from '../../../sources/resource.js';
import { isObject } from '../../../sources/resource.js';
import type { K8sViolation } from '../../types.js';

export const ROLE_KINDS: readonly string[] = ['Role', 'ClusterRole'];

/** The API group of Roles, ClusterRoles and their bindings. */
export const RBAC_GROUP = 'rbac.authorization.k8s.io';

/** The verbs that change things (Trivy's "changeVerbs"): everything but get, list and watch. */
export const WRITE_VERBS: readonly string[] = [
  'create',
  'update',
  'patch',
  'delete',
  'deletecollection',
  'impersonate',
  '*',
];

/** Every verb that reads or changes (the secrets checks: reading a secret is enough to use it). */
export const READ_AND_WRITE_VERBS: readonly string[] = ['get', 'list', 'watch', ...WRITE_VERBS];

/** The verbs Trivy's wildcard-resource checks (KSV046, KSV112) look for. */
export const WILDCARD_RESOURCE_VERBS: readonly string[] = [
  'create',
  'update',
  'delete',
  'deletecollection',
  'impersonate',
  '*',
  'list',
  'get',
];

/** One entry of a Role's `rules`, its lists read as strings (anything else is ignored). */
export interface PolicyRule {
  index: number;
  apiGroups: readonly unknown[];
  resources: readonly unknown[];
  verbs: readonly unknown[];
  resourceNames: readonly unknown[];
}

const list = (value: unknown): readonly unknown[] => (Array.isArray(value) ? value : []);

/** The `rules` of a Role/ClusterRole (the rule's `kinds` keep other resources away). */
export function policyRules(resource: K8sResource): PolicyRule[] {
  const rules = resource.object.rules;
  if (!Array.isArray(rules)) return [];
  const result: PolicyRule[] = [];
  rules.forEach((rule, index) => {
    if (!isObject(rule)) return;
    result.push({
      index,
      apiGroups: list(rule.apiGroups),
      resources: list(rule.resources),
      verbs: list(rule.verbs),
      resourceNames: list(rule.resourceNames),
    });
  });
  return result;
}

/** Whether `values` (a rule's list) holds any of `wanted`. */
function hasAny(values: readonly unknown[], wanted: readonly string[]): boolean {
  return values.some((value) => typeof value === 'string' && wanted.includes(value));
}

/** What a rule entry must hold: for each list named, at least one of the given values. */
export interface Grant {
  apiGroups?: readonly string[];
  resources?: readonly string[];
  verbs?: readonly string[];
  resourceNames?: readonly string[];
}

/** Whether a rule entry holds, in every list `grant` names, one of its values. */
export function grants(rule: PolicyRule, grant: Grant): boolean {
  return (Object.keys(grant) as (keyof Grant)[]).every((list) => hasAny(rule[list], grant[list]!));
}

/** "ClusterRole 'name'", "Role 'name' in 'ns' namespace" */
export function roleLabel(resource: K8sResource): string {
  const { kind, name, namespace } = resource.ref;
  return kind === 'ClusterRole'
    ? `${kind} '${name}'`
    : `${kind} '${name}' in '${namespace ?? 'default'}' namespace`;
}

/** One violation per entry of `rules` that `matches`, placed on that entry. */
export function ruleEntryViolations(
  resource: K8sResource,
  matches: (rule: PolicyRule) => boolean,
  message: (rule: PolicyRule) => string,
): K8sViolation[] {
  const violations: K8sViolation[] = [];
  for (const rule of policyRules(resource)) {
    if (matches(rule)) violations.push({ message: message(rule), path: ['rules', rule.index] });
  }
  return violations;
}

/** Violations for a check that needs two entries: `first` at index i and `second` at j > i
 *  (Trivy's KSV051/052/054). The finding is placed on the first entry, as Trivy's is. */
export function rulePairViolations(
  resource: K8sResource,
  first: (rule: PolicyRule) => boolean,
  second: (rule: PolicyRule) => boolean,
  message: string,
): K8sViolation[] {
  const rules = policyRules(resource);
  const violations: K8sViolation[] = [];
  rules.forEach((rule, position) => {
    if (first(rule) && rules.slice(position + 1).some(second)) {
      violations.push({ message, path: ['rules', rule.index] });
    }
  });
  return violations;
}

/** RoleBinding and ClusterRoleBinding. The engine compares `kinds` case-insensitively, as
 *  Trivy reads binding kinds, so `ClusterRolebinding` counts too. */
export const BINDING_KINDS: readonly string[] = ['RoleBinding', 'ClusterRoleBinding'];

/** Violations for each subject of a binding whose name is one of `names`. */
export function subjectViolations(
  resource: K8sResource,
  names: readonly string[],
  message: (subject: string) => string,
): K8sViolation[] {
  const subjects = resource.object.subjects;
  if (!Array.isArray(subjects)) return [];
  const violations: K8sViolation[] = [];
  subjects.forEach((subject, index) => {
    if (isObject(subject) && typeof subject.name === 'string' && names.includes(subject.name)) {
      violations.push({ message: message(subject.name), path: ['subjects', index, 'name'] });
    }
  });
  return violations;
}

/** "RoleBinding 'name' in 'ns' namespace", "ClusterRoleBinding 'name'" */
export function bindingLabel(resource: K8sResource): string {
  const { kind, name, namespace } = resource.ref;
  return kind.toLowerCase() === 'clusterrolebinding'
    ? `${kind} '${name}'`
    : `${kind} '${name}' in '${namespace ?? 'default'}' namespace`;
}
