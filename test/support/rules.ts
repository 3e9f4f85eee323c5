// Helpers for rule unit tests: a rule run on YAML text, the way the engine runs it.
import { parseManifests } from '../../src/sources/manifests.js';
import type { K8sResource } from '../../src/sources/resource.js';
import type { K8sRule, K8sViolation } from '../../src/rules/types.js';

export function resourcesFromYaml(yaml: string, file = 'test.yaml'): K8sResource[] {
  const { resources, errors } = parseManifests(yaml, { file });
  if (errors.length) throw new Error(`bad test YAML: ${errors[0].message}`);
  return resources;
}

/** Violations of `rule` over every resource in `yaml` (per-resource and whole-set checks). */
export function runK8sRule(rule: K8sRule, yaml: string, options?: unknown): K8sViolation[] {
  const resources = resourcesFromYaml(yaml);
  const merged = { ...(rule.defaultOptions as object), ...(options as object) };
  const violations: K8sViolation[] = [];
  for (const resource of resources) violations.push(...(rule.check?.(resource, merged) ?? []));
  violations.push(...(rule.checkAll?.(resources, merged) ?? []));
  return violations;
}

/** Lines of the violations, as the engine would report them. */
export function violationLines(rule: K8sRule, yaml: string, options?: unknown): number[] {
  const resources = resourcesFromYaml(yaml);
  const merged = { ...(rule.defaultOptions as object), ...(options as object) };
  return resources.flatMap((resource) =>
    (rule.check?.(resource, merged) ?? []).map((v) => resource.origin.locate(v.path).line),
  );
}

/** 1-based lines of `yaml` marked with a `# <-` comment: where a test expects findings. */
export function markedLines(yaml: string): number[] {
  return yaml.split('\n').flatMap((line, index) => (line.includes('# <-') ? [index + 1] : []));
}
