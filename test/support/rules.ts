// Helpers for rule unit tests. ruleTester() is the one style, after ESLint's RuleTester: valid
// cases must find nothing, and every invalid case lists each finding with its line and message.
// The rule runs the way the engine runs it (default options merged under the case's; `kinds`
// honoured; lines placed through the resource's position index). pod(), workload() and role()
// build the manifest around the few lines a case is about.
import { beforeAll, describe, expect, it } from 'vitest';
import { parseDockerfile } from '../../src/sources/dockerfile.js';
import { parseManifests } from '../../src/sources/manifests.js';
import type { K8sResource, Path } from '../../src/sources/resource.js';
import { loadShellParser } from '../../src/sources/shell.js';
import { checksKind } from '../../src/rules/evaluate.js';
import type { DockerRule, K8sRule, K8sViolation } from '../../src/rules/types.js';

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
  for (const resource of resources.filter((r) => checksKind(rule, r.ref.kind))) {
    violations.push(...(rule.check?.(resource, merged) ?? []));
  }
  violations.push(...(rule.checkAll?.(resources, merged) ?? []));
  return violations;
}

/** 1-based lines of `yaml` marked with a `# <-` comment: where a test expects findings. */
export function markedLines(yaml: string): number[] {
  return yaml.split('\n').flatMap((line, index) => (line.includes('# <-') ? [index + 1] : []));
}

// ---------------------------------------------------------------------------------------------
// ruleTester

export interface ValidCase {
  /** The test's name; the code itself when there is none. */
  name?: string;
  /** YAML manifests for a Kubernetes rule, a Dockerfile for a Dockerfile rule. */
  code: string;
  /** Rule options, merged over the rule's defaults. */
  options?: unknown;
}

export interface ExpectedError {
  message: string | RegExp;
  /** 1-based line. Leave it out to take the line from the code's `# <-` markers: the first
   *  error without a line gets the first marked line, and so on (the counts must match). */
  line?: number;
  /** Last line of a finding that spans several (a continued instruction), when checked. */
  endLine?: number;
  /** Kubernetes rules: the container the finding names, when the case checks it. */
  container?: string;
  /** Kubernetes rules: the path of the offending field in the object, when the case checks it. */
  path?: Path;
}

export interface InvalidCase extends ValidCase {
  errors: ExpectedError[];
}

export interface Found {
  line: number;
  endLine?: number;
  message: string;
  container?: string;
  path?: Path;
}

/** Where scripts/rule-examples.ts collects the cases instead of running them. */
export const RULE_CASES = Symbol.for('kube-policy-gate.ruleCases');

export interface RuleCases {
  rule: K8sRule | DockerRule;
  valid: Array<string | ValidCase>;
  invalid: InvalidCase[];
}

/**
 * A describe block for `rule`: one test per valid case (no finding) and per invalid case (the
 * findings, in line order, are exactly `errors`: same count, each line and message).
 */
export function ruleTester(
  rule: K8sRule | DockerRule,
  cases: { valid: Array<string | ValidCase>; invalid: InvalidCase[] },
): void {
  // scripts/rule-examples.ts loads the rule tests outside vitest to take each rule page's
  // examples from these cases: then the cases are only handed over.
  const collector = (globalThis as { [RULE_CASES]?: Map<string, RuleCases> })[RULE_CASES];
  if (collector) {
    collector.set(rule.meta.id, { rule, ...cases });
    return;
  }
  const run = (testCase: ValidCase) => ruleFindings(rule, testCase.code, testCase.options);
  const title = (testCase: ValidCase) => testCase.name ?? JSON.stringify(testCase.code);
  describe(`${rule.meta.id} ${rule.meta.name}`, () => {
    // parseDockerfile needs the shell parser, as a scan loads it before its first Dockerfile.
    if (rule.meta.target === 'dockerfile') beforeAll(() => loadShellParser());
    const valid = cases.valid.map((c) => (typeof c === 'string' ? { code: c } : c));
    if (valid.length) {
      it.each(valid.map((c) => [title(c), c] as const))('valid: %s', (_title, testCase) => {
        expect(run(testCase)).toEqual([]);
      });
    }
    if (cases.invalid.length) {
      it.each(cases.invalid.map((c) => [title(c), c] as const))(
        'invalid: %s',
        (_title, testCase) => {
          expect(run(testCase)).toMatchObject(expectedErrors(testCase));
        },
      );
    }
  });
}

/** What `rule` finds in `code`, as the engine places it, in line order. */
export function ruleFindings(rule: K8sRule | DockerRule, code: string, options?: unknown): Found[] {
  const merged = { ...(rule.defaultOptions as object), ...(options as object) };
  const found: Found[] = [];
  if (rule.meta.target === 'dockerfile') {
    const dockerRule = rule as DockerRule;
    const dockerfile = parseDockerfile(code, 'Dockerfile');
    for (const { line, endLine, message } of dockerRule.check(dockerfile, merged)) {
      // As the engine reports it: an end line only when the finding spans lines.
      found.push({ line, ...(endLine && endLine > line ? { endLine } : {}), message });
    }
  } else {
    const k8sRule = rule as K8sRule;
    const resources = resourcesFromYaml(code);
    const place = (resource: K8sResource, violation: K8sViolation) =>
      found.push({
        line: resource.origin.locate(violation.path).line,
        message: violation.message,
        ...(violation.container === undefined ? {} : { container: violation.container }),
        path: violation.path,
      });
    for (const resource of resources) {
      if (!checksKind(k8sRule, resource.ref.kind)) continue;
      for (const violation of k8sRule.check?.(resource, merged) ?? []) place(resource, violation);
    }
    for (const { resource, ...violation } of k8sRule.checkAll?.(resources, merged) ?? []) {
      place(resource, violation);
    }
  }
  return found.sort((a, b) => a.line - b.line);
}

/** The findings an invalid case expects, in line order, with `# <-` markers resolved. */
export function expectedErrors(testCase: InvalidCase): object[] {
  const marked = markedLines(testCase.code);
  const unplaced = testCase.errors.filter((error) => error.line === undefined).length;
  if (unplaced > 0 && unplaced !== marked.length) {
    throw new Error(
      `${unplaced} error(s) without a line but ${marked.length} line(s) marked with # <-`,
    );
  }
  let next = 0;
  return testCase.errors
    .map((error) => ({
      line: error.line ?? marked[next++],
      message:
        typeof error.message === 'string' ? error.message : expect.stringMatching(error.message),
      ...(error.endLine === undefined ? {} : { endLine: error.endLine }),
      ...(error.container === undefined ? {} : { container: error.container }),
      ...(error.path === undefined ? {} : { path: error.path }),
    }))
    .sort((a, b) => a.line - b.line);
}

// ---------------------------------------------------------------------------------------------
// Manifest builders

export interface PodParts {
  /** metadata.name; `p` for a Pod, the kind's first letter otherwise. */
  name?: string;
  /** Lines under the resource's metadata, after the name (namespace, labels, annotations). */
  metadata?: string;
  /** Lines under the pod template's metadata (a controller's; a Pod's own metadata for a Pod). */
  podMetadata?: string;
  /** Lines under the pod spec, before `containers`. */
  spec?: string;
  /** The one container's image (`nginx:1.27`). */
  image?: string;
  /** Lines under the one container (`name: app`, then its image). */
  container?: string;
  /** The whole `containers` list instead (its `- name: ...` items). */
  containers?: string;
  /** An `initContainers` list (its items), after `containers`. */
  initContainers?: string;
}

export type WorkloadKind =
  | 'Pod'
  | 'Deployment'
  | 'StatefulSet'
  | 'DaemonSet'
  | 'ReplicaSet'
  | 'ReplicationController'
  | 'Job'
  | 'CronJob';

const API_VERSIONS: Record<WorkloadKind, string> = {
  Pod: 'v1',
  Deployment: 'apps/v1',
  StatefulSet: 'apps/v1',
  DaemonSet: 'apps/v1',
  ReplicaSet: 'apps/v1',
  ReplicationController: 'v1',
  Job: 'batch/v1',
  CronJob: 'batch/v1',
};

/** A snippet's lines, without its common leading indentation, indented by `by` spaces. */
function indent(snippet: string | undefined, by: number): string[] {
  if (snippet === undefined) return [];
  const lines = snippet.replace(/^\s*\n|\n\s*$/g, '').split('\n');
  const common = Math.min(
    ...lines.filter((line) => line.trim()).map((line) => /^ */.exec(line)![0].length),
  );
  const pad = ' '.repeat(by);
  return lines.map((line) => (line.trim() ? pad + line.slice(common) : ''));
}

/** The line of pod()'s container entry (`- name: app`) when no metadata or spec lines come before
 *  it: where a finding about a field the container does not set lands. */
export const POD_CONTAINER_LINE = 7;

/**
 * A Pod manifest: one container `app` running `nginx:1.27`, plus the given lines. A snippet may
 * be indented as the test's code is (its common indentation is removed) and may carry `# <-`
 * markers.
 */
export function pod(parts: PodParts = {}): string {
  return workload('Pod', parts);
}

/** A workload of `kind` around the same pod spec as pod() (CronJob: under its jobTemplate). */
export function workload(kind: WorkloadKind, parts: PodParts = {}): string {
  const name = parts.name ?? (kind === 'Pod' ? 'p' : kind[0].toLowerCase());
  const lines = [
    `apiVersion: ${API_VERSIONS[kind]}`,
    `kind: ${kind}`,
    'metadata:',
    `  name: ${name}`,
  ];
  lines.push(...indent(parts.metadata, 2));
  // Where the pod template sits, and the indentation of the pod spec's keys.
  let depth: number;
  if (kind === 'Pod') {
    lines.push(...indent(parts.podMetadata, 2), 'spec:');
    depth = 2;
  } else {
    const template = kind === 'CronJob' ? ['spec:', '  jobTemplate:', '    spec:'] : ['spec:'];
    const at = template.length * 2;
    lines.push(...template, `${' '.repeat(at - 2)}  template:`);
    if (parts.podMetadata !== undefined) {
      lines.push(`${' '.repeat(at)}  metadata:`, ...indent(parts.podMetadata, at + 4));
    }
    lines.push(`${' '.repeat(at)}  spec:`);
    depth = at + 4;
  }
  const pad = ' '.repeat(depth);
  lines.push(...indent(parts.spec, depth), `${pad}containers:`);
  if (parts.containers !== undefined) {
    lines.push(...indent(parts.containers, depth + 2));
  } else {
    lines.push(`${pad}  - name: app`, `${pad}    image: ${parts.image ?? 'nginx:1.27'}`);
    lines.push(...indent(parts.container, depth + 4));
  }
  if (parts.initContainers !== undefined) {
    lines.push(`${pad}initContainers:`, ...indent(parts.initContainers, depth + 2));
  }
  return `${lines.join('\n')}\n`;
}

// Objects other than workloads: the kind's apiVersion, `metadata` with a name (each builder's
// own short default) and an optional namespace, then the object's own top-level keys.

export interface ObjectParts {
  /** The kind's usual apiVersion when left out (`v1` for a kind this file does not know). */
  apiVersion?: string;
  name?: string;
  /** `metadata.namespace`, right after the name. */
  namespace?: string;
  /** Further lines under metadata (labels, annotations). */
  metadata?: string;
}

const RBAC = 'rbac.authorization.k8s.io/v1';
const OBJECT_API_VERSIONS: Record<string, string> = {
  NetworkPolicy: 'networking.k8s.io/v1',
  Role: RBAC,
  ClusterRole: RBAC,
  RoleBinding: RBAC,
  ClusterRoleBinding: RBAC,
  K8sAllowedRepos: 'constraints.gatekeeper.sh/v1beta1',
};

/**
 * A `kind` object named `parts.name` (default: the kind's first letter) with `body`'s lines as
 * its top-level keys after metadata (`spec:`, `data:`...). The body may be indented as the
 * test's code is and may carry `# <-` markers.
 */
export function manifest(kind: string, body?: string, parts: ObjectParts = {}): string {
  const apiVersion =
    parts.apiVersion ?? OBJECT_API_VERSIONS[kind] ?? API_VERSIONS[kind as WorkloadKind] ?? 'v1';
  const lines = [`apiVersion: ${apiVersion}`, `kind: ${kind}`, 'metadata:'];
  lines.push(`  name: ${parts.name ?? kind[0].toLowerCase()}`);
  if (parts.namespace !== undefined) lines.push(`  namespace: ${parts.namespace}`);
  lines.push(...indent(parts.metadata, 2), ...indent(body, 0));
  return `${lines.join('\n')}\n`;
}

/** `key:` with the snippet's lines under it, as a manifest() body. */
function under(key: string, snippet: string, by = 2): string {
  return [key, ...indent(snippet, by)].join('\n');
}

/** A Service `s` with the given lines under `spec` (no spec when left out). */
export function service(spec: string | undefined, parts: ObjectParts = {}): string {
  return manifest('Service', spec === undefined ? undefined : under('spec:', spec), {
    name: 's',
    ...parts,
  });
}

/** A ConfigMap `c` with the given lines under `data`. */
export function configMap(data: string, parts: ObjectParts = {}): string {
  return manifest('ConfigMap', under('data:', data), { name: 'c', ...parts });
}

/** A NetworkPolicy `np` with the given lines under `spec`. */
export function networkPolicy(spec: string, parts: ObjectParts = {}): string {
  return manifest('NetworkPolicy', under('spec:', spec), { name: 'np', ...parts });
}

/** A LimitRange `lr` with the given items under `spec.limits`. */
export function limitRange(limits: string, parts: ObjectParts = {}): string {
  return manifest('LimitRange', under('spec:\n  limits:', limits, 4), { name: 'lr', ...parts });
}

/** A ResourceQuota `q` with the given lines under `spec.hard`. */
export function resourceQuota(hard: string, parts: ObjectParts = {}): string {
  return manifest('ResourceQuota', under('spec:\n  hard:', hard, 4), { name: 'q', ...parts });
}

/** One entry of a Role's `rules`: each list in flow style on its own line, in this order. */
export interface RbacRule {
  apiGroups?: string[];
  resources?: string[];
  verbs?: string[];
  resourceNames?: string[];
  nonResourceURLs?: string[];
}

function flowList(values: string[]): string {
  return `[${values.map((value) => `'${value}'`).join(', ')}]`;
}

/**
 * A Role or ClusterRole `r` (or another kind carrying `rules`, for the kind checks; the RBAC
 * apiVersion all the same) with the given `rules`: entries, or the list's YAML items.
 */
export function role(kind: string, rules: RbacRule[] | string, parts: ObjectParts = {}): string {
  const items =
    typeof rules === 'string'
      ? rules
      : rules
          .map((rule) =>
            Object.entries(rule)
              .map(([key, values], at) => `${at ? '  ' : '- '}${key}: ${flowList(values)}`)
              .join('\n'),
          )
          .join('\n');
  return manifest(kind, under('rules:', items), { apiVersion: RBAC, name: 'r', ...parts });
}

/** An entry granting `verb` on `resource` of the RBAC API group (of those `resourceNames` only). */
export function rbacGrant(resource: string, verb: string, resourceNames?: string[]): RbacRule {
  const entry: RbacRule = {
    apiGroups: ['rbac.authorization.k8s.io'],
    resources: [resource],
    verbs: [verb],
  };
  return resourceNames ? { ...entry, resourceNames } : entry;
}

/** The first entry of most RBAC cases: harmless on its own. */
const GET_PODS: RbacRule = { apiGroups: [''], resources: ['pods'], verbs: ['get'] };

/**
 * The shape most RBAC rule cases share: a Role or ClusterRole `r` in namespace `ns` whose rules
 * are `first` (getting pods unless given) and then `entry`, the entry under test (line 10, path
 * `['rules', 1]`).
 */
export function roleGranting(kind: string, entry: RbacRule, first = GET_PODS): string {
  return role(kind, [first, entry], { namespace: 'ns' });
}

/** A subject of a binding or its roleRef: each field on its own line, in this order. */
export type Fields = Record<string, string>;

/** A RoleBinding or ClusterRoleBinding `b` (or another kind with the RBAC apiVersion, for the
 *  kind checks): its `subjects`, then its `roleRef`. */
export function binding(
  kind: string,
  subjects: Fields[],
  roleRef: Fields,
  parts: ObjectParts = {},
): string {
  const fields = (fieldsOf: Fields, first: string, rest: string) =>
    Object.entries(fieldsOf).map(([key, value], at) => `${at ? rest : first}${key}: ${value}`);
  const body = [
    'subjects:',
    ...subjects.flatMap((subject) => fields(subject, '  - ', '    ')),
    'roleRef:',
    ...fields(roleRef, '  ', '  '),
  ];
  return manifest(kind, body.join('\n'), { apiVersion: RBAC, name: 'b', ...parts });
}
