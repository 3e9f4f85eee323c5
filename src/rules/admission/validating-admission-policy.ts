// ValidatingAdmissionPolicies, their bindings and params found in the scanned tree, applied to a CREATE of
// every scanned object as the API server applies them: matchConstraints and the binding's matchResources
// (resource rules through the REST mapping, exclude rules, namespace and object selectors), matchConditions,
// variables, validations with their messages, failurePolicy, paramKind/paramRef and validationActions,
// on the object after the API server's defaults.
import { hash } from 'node:crypto';
import type { Finding, ScanError, Severity } from '../../model.js';
import type { K8sResource, KubeObject, Path } from '../../sources/resource.js';
import { attributeFailure } from '../cel/attribution.js';
import { PER_EXPRESSION_COST_LIMIT } from '../cel/cost.js';
import { AuthorizerValue, OfflineUnknownError } from '../cel/lib-authz.js';
import {
  CelError,
  celGoCompileError,
  isNode,
  kubernetesCel,
  toCel,
  type CompiledExpression,
  type KubernetesCel,
} from '../cel/environment.js';
import { CelObjects, evaluateFor } from '../custom/custom-rules.js';
import { findingOnResource } from '../evaluate.js';
import { withApiServerDefaults } from './defaults.js';
import { project, readSet, type ReadSet } from '../cel/projection.js';
import { RestMapper, type GroupVersionResource, type ResourceMapping } from './kinds.js';
import { isEmptySelector, labelsOf, selectorMatches } from './selectors.js';
import type { Namespaces } from './namespaces.js';

export const VAP_VARIABLES = [
  'object',
  'oldObject',
  'request',
  'params',
  'namespaceObject',
  'variables',
  'authorizer',
] as const;
const ADMISSION_GROUP = 'admissionregistration.k8s.io/';
/** Where a problem of an object read from the live cluster is reported (as cluster read errors are). */
const CLUSTER = '(cluster)';
const AUDIT_ANNOTATION_KEY = /^(?=.{1,63}$)[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;
/** The audit annotation an Audit action records for a failed validation. */
export const VALIDATION_FAILURE_ANNOTATION =
  'validation.policy.admission.k8s.io/validation_failure';
/** The API server truncates a published audit annotation value to this many bytes. */
const MAX_AUDIT_ANNOTATION_BYTES = 10 * 1024;

/** Per key, the distinct values the bindings (and params) of one policy produced for one object. */
type AuditAnnotations = Map<string, string[]>;

/** The CEL type of a value, as the API server names it in messages. */
function celTypeName(value: unknown): string {
  if (typeof value === 'bigint') return 'int';
  if (typeof value === 'number') return 'double';
  if (typeof value === 'boolean') return 'bool';
  if (Array.isArray(value)) return 'list';
  if (value instanceof Uint8Array) return 'bytes';
  if (value instanceof Map || (typeof value === 'object' && value !== null)) return 'map';
  return typeof value;
}

function truncateUtf8(value: string, bytes: number): string {
  const encoded = Buffer.from(value, 'utf8');
  return encoded.length <= bytes ? value : encoded.subarray(0, bytes).toString('utf8');
}

export interface AdmissionSettings {
  kubernetesVersion: string;
  /** `rules:` settings of `vap/<policy>` IDs: a severity replacing the action's, or off. */
  ruleSettings?: Record<string, Severity | 'off'>;
}

type Action = 'Deny' | 'Warn' | 'Audit';
const ACTION_SEVERITY: Record<Action, Severity> = { Deny: 'high', Warn: 'medium', Audit: 'low' };

interface Expression {
  compiled: CompiledExpression;
  path: Path;
}
interface Validation extends Expression {
  index: number;
  message?: string;
  messageExpression?: CompiledExpression;
}
interface Policy {
  resource: K8sResource;
  name: string;
  spec: KubeObject;
  failurePolicy: 'Fail' | 'Ignore';
  paramKind?: { apiVersion: string; kind: string };
  matchConditions: (Expression & { name: string })[];
  variables: (Expression & { name: string })[];
  validations: Validation[];
  auditAnnotations: (Expression & { key: string })[];
  /** The first expression that does not compile: the API server rejects every request it matches. */
  compileError?: { path: Path; message: string };
  readsNamespaceObject: boolean;
  /** What the policy's expressions read of `object`: only that is converted for them. */
  reads: ReadSet;
}
interface Binding {
  resource: K8sResource;
  name: string;
  policy: Policy;
  actions: Action[];
  spec: KubeObject;
}

const isObject = (v: unknown): v is KubeObject =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown) => (typeof v === 'string' ? v : '');
const isKind = (r: K8sResource, kind: string) =>
  r.ref.kind === kind && r.ref.apiVersion.startsWith(ADMISSION_GROUP);

function readsVariable(ast: unknown, name: string): boolean {
  let found = false;
  const visit = (node: unknown): void => {
    if (found) return;
    if (Array.isArray(node)) return node.forEach(visit);
    if (!isNode(node)) return;
    if (node.op === 'id' && node.args === name) found = true;
    else if (node.args && typeof node.args === 'object')
      Object.values(node.args as object).forEach(visit);
  };
  visit(ast);
  return found;
}

/** cel-go's wording for the errors users search for. */
function goErrorText(message: string): string {
  return message.replace(/^No such key: /, 'no such key: ');
}

function compilePolicy(
  resource: K8sResource,
  cel: KubernetesCel,
  /** messageExpression's environment: the API server declares no `authorizer` there. */
  messageCel: KubernetesCel,
): Policy {
  const spec = isObject(resource.object.spec) ? resource.object.spec : {};
  const policy: Policy = {
    resource,
    name: resource.ref.name,
    spec,
    failurePolicy: spec.failurePolicy === 'Ignore' ? 'Ignore' : 'Fail',
    matchConditions: [],
    variables: [],
    validations: [],
    auditAnnotations: [],
    readsNamespaceObject: false,
    reads: [],
  };
  const paramKind = spec.paramKind;
  if (isObject(paramKind)) {
    // v1 writes apiVersion; v1alpha1 wrote group + version.
    const apiVersion =
      str(paramKind.apiVersion) ||
      [str(paramKind.group), str(paramKind.version)].filter(Boolean).join('/');
    policy.paramKind = { apiVersion, kind: str(paramKind.kind) };
  }
  const compile = (
    source: unknown,
    path: Path,
    env: KubernetesCel = cel,
  ): CompiledExpression | undefined => {
    if (policy.compileError) return undefined;
    if (typeof source !== 'string' || !source.trim()) {
      policy.compileError = { path, message: 'expression is required' };
      return undefined;
    }
    try {
      const compiled = env.compile(source);
      if (readsVariable(compiled.ast, 'namespaceObject')) policy.readsNamespaceObject = true;
      return compiled;
    } catch (error) {
      if (!(error instanceof CelError)) throw error;
      policy.compileError = {
        path,
        message: `compilation failed: ${celGoCompileError(source, error)}`,
      };
      return undefined;
    }
  };
  const list = (key: string) => (Array.isArray(spec[key]) ? (spec[key] as unknown[]) : []);
  list('matchConditions').forEach((c, i) => {
    const compiled = compile((c as KubeObject)?.expression, [
      'spec',
      'matchConditions',
      i,
      'expression',
    ]);
    if (compiled)
      policy.matchConditions.push({
        compiled,
        path: ['spec', 'matchConditions', i],
        name: str((c as KubeObject).name),
      });
  });
  list('variables').forEach((v, i) => {
    const compiled = compile((v as KubeObject)?.expression, ['spec', 'variables', i, 'expression']);
    if (compiled)
      policy.variables.push({
        compiled,
        path: ['spec', 'variables', i],
        name: str((v as KubeObject).name),
      });
  });
  list('validations').forEach((v, index) => {
    const entry = isObject(v) ? v : {};
    const path: Path = ['spec', 'validations', index];
    const compiled = compile(entry.expression, [...path, 'expression']);
    const messageExpression =
      entry.messageExpression === undefined
        ? undefined
        : compile(entry.messageExpression, [...path, 'messageExpression'], messageCel);
    if (compiled)
      policy.validations.push({
        compiled,
        path,
        index,
        message:
          typeof entry.message === 'string' && entry.message.trim() ? entry.message : undefined,
        messageExpression,
      });
  });
  const keys = new Set<string>();
  list('auditAnnotations').forEach((a, i) => {
    const entry = isObject(a) ? a : {};
    const path: Path = ['spec', 'auditAnnotations', i];
    const key = str(entry.key);
    // The API server's validation of the policy: it refuses to store one that breaks these.
    const invalid = !AUDIT_ANNOTATION_KEY.test(key)
      ? `key: Invalid value: ${JSON.stringify(key)}: must be a qualified name ([A-Za-z0-9][-A-Za-z0-9_.]*) of at most 63 characters`
      : keys.has(key)
        ? `key: Duplicate value: ${JSON.stringify(key)}`
        : typeof entry.valueExpression === 'string' && entry.valueExpression.length > 5 * 1024
          ? 'valueExpression: Too long: may not be longer than 5120'
          : undefined;
    keys.add(key);
    if (invalid && !policy.compileError)
      policy.compileError = {
        path: [...path, 'key'],
        message: `spec.auditAnnotations[${i}].${invalid}`,
      };
    const compiled = compile(entry.valueExpression, [...path, 'valueExpression']);
    if (compiled) policy.auditAnnotations.push({ compiled, path, key });
  });
  if (!policy.compileError && !policy.validations.length && !policy.auditAnnotations.length)
    policy.compileError = {
      path: ['spec'],
      message: 'a policy needs validations or auditAnnotations',
    };
  policy.reads = readSet(
    [
      ...policy.matchConditions,
      ...policy.variables,
      ...policy.validations,
      ...policy.auditAnnotations,
      ...policy.validations.flatMap((v) =>
        v.messageExpression ? [{ compiled: v.messageExpression }] : [],
      ),
    ].map((e) => e.compiled.ast),
    'object',
  );
  return policy;
}

/** A request as resource rules see it: its resource and what `matchPolicy: Equivalent` also matches. */
interface RequestTarget {
  own: GroupVersionResource;
  namespaced: boolean;
  equivalents: GroupVersionResource[];
  /** False for a kind whose served versions are unknown (a CRD outside the tree): any version may be served. */
  versionsKnown: boolean;
}

function resourceRuleMatches(
  rule: unknown,
  target: GroupVersionResource,
  namespaced: boolean,
  name: string,
  checkVersion: boolean,
): boolean {
  if (!isObject(rule)) return false;
  const has = (key: string, value: string) => {
    const list = Array.isArray(rule[key]) ? (rule[key] as unknown[]).map(String) : [];
    return list.includes('*') || list.includes(value);
  };
  if (!has('operations', 'CREATE') || !has('apiGroups', target.group)) return false;
  if (checkVersion && !has('apiVersions', target.version)) return false;
  const resources = Array.isArray(rule.resources) ? (rule.resources as unknown[]).map(String) : [];
  if (!resources.some((r) => r === '*' || r === '*/*' || r === target.resource)) return false;
  const scope = str(rule.scope) || '*';
  if (scope === 'Cluster' && namespaced) return false;
  if (scope === 'Namespaced' && !namespaced) return false;
  const names = Array.isArray(rule.resourceNames)
    ? (rule.resourceNames as unknown[]).map(String)
    : [];
  return !names.length || names.includes(name);
}

/**
 * The resource rules match the request as (matching.go): its own resource, else with `Equivalent` (the
 * default) the first equivalent resource a rule names, whose version the object is then converted to.
 */
function matchResourceRules(
  rules: readonly unknown[],
  target: RequestTarget,
  name: string,
  exact: boolean,
): GroupVersionResource | undefined {
  const { own, namespaced } = target;
  if (
    rules.some((rule) =>
      resourceRuleMatches(rule, own, namespaced, name, exact || target.versionsKnown),
    )
  )
    return own;
  if (exact) return undefined;
  for (const rule of rules)
    for (const equivalent of target.equivalents)
      if (resourceRuleMatches(rule, equivalent, namespaced, name, true)) return equivalent;
  return undefined;
}

type Match = { resource: GroupVersionResource } | 'no' | { missingNamespace: string };

export class AdmissionEvaluator {
  private readonly cel: KubernetesCel;
  private readonly mapper: RestMapper;
  private readonly objects: CelObjects;
  private readonly bindings: Binding[] = [];
  readonly warnings: ScanError[] = [];
  readonly findings: Finding[] = [];

  constructor(
    private readonly resources: readonly K8sResource[],
    settings: AdmissionSettings,
    private readonly namespaces: Namespaces,
    /** The objects read from the live cluster: no file of the repository holds them. */
    private readonly fromCluster: ReadonlySet<K8sResource> = new Set(),
  ) {
    this.cel = kubernetesCel(settings.kubernetesVersion, VAP_VARIABLES);
    this.mapper = new RestMapper(resources);
    this.objects = new CelObjects(resources);
    const policies = new Map<string, Policy>();
    for (const r of resources)
      if (isKind(r, 'ValidatingAdmissionPolicy'))
        policies.set(
          r.ref.name,
          compilePolicy(
            r,
            this.cel,
            kubernetesCel(
              settings.kubernetesVersion,
              VAP_VARIABLES.filter((name) => name !== 'authorizer'),
            ),
          ),
        );
    for (const r of resources) {
      if (!isKind(r, 'ValidatingAdmissionPolicyBinding')) continue;
      const spec = isObject(r.object.spec) ? r.object.spec : {};
      const policy = policies.get(str(spec.policyName));
      if (!policy) {
        this.warnings.push({
          ...this.whereIs(r, ['spec', 'policyName']),
          level: 'warning',
          message: `ValidatingAdmissionPolicyBinding '${r.ref.name}': policy '${str(spec.policyName)}' is not in the scanned files; the binding has no effect`,
        });
        continue;
      }
      const actions = (Array.isArray(spec.validationActions) ? spec.validationActions : []).filter(
        (a): a is Action => a === 'Deny' || a === 'Warn' || a === 'Audit',
      );
      const binding: Binding = {
        resource: r,
        name: r.ref.name,
        policy,
        actions: actions.length ? actions : ['Deny'],
        spec,
      };
      if (this.invalidBinding(binding)) continue;
      this.bindings.push(binding);
      if (policy.compileError)
        this.misconfigured(
          binding,
          policy.resource,
          policy.compileError.path,
          policy.compileError.message,
        );
    }
  }

  /** The binding problems the API server's validation rejects: reported on the binding, which is ignored. */
  private invalidBinding(binding: Binding): boolean {
    const { spec } = binding;
    const paramRef = spec.paramRef;
    let problem: { path: Path; message: string } | undefined;
    if (!Array.isArray(spec.validationActions) || !spec.validationActions.length)
      problem = { path: ['spec'], message: 'spec.validationActions: Required value' };
    else if (isObject(paramRef) && paramRef.parameterNotFoundAction === undefined)
      problem = {
        path: ['spec', 'paramRef'],
        message: 'spec.paramRef.parameterNotFoundAction: Required value',
      };
    else if (binding.policy.paramKind && !isObject(paramRef))
      problem = {
        path: ['spec'],
        message: `policy '${binding.policy.name}' has a paramKind: spec.paramRef is required`,
      };
    if (!problem) return false;
    this.configurationProblem(
      binding,
      binding.resource,
      problem.path,
      `ValidatingAdmissionPolicyBinding '${binding.name}' is invalid and has no effect: ${problem.message}`,
    );
    return true;
  }

  /** A scanned file's line, or for an object of the live cluster the cluster, with no line. */
  private whereIs(resource: K8sResource, path: Path): { file: string; line?: number } {
    if (this.fromCluster.has(resource)) return { file: CLUSTER };
    return { file: resource.origin.file, line: resource.origin.locate(path).line };
  }

  /**
   * A policy or binding the API server would refuse: a finding on its line when the repository holds it
   * (the pull request can fix it), a warning when only the cluster does (no file to place it on, and not
   * the pull request's doing; the objects it matches are still denied, each on its own line).
   */
  private configurationProblem(
    binding: Binding,
    resource: K8sResource,
    path: Path,
    message: string,
  ): void {
    if (this.fromCluster.has(resource))
      this.warnings.push({
        file: CLUSTER,
        level: 'warning',
        message: `the cluster's ${message}`,
      });
    else this.findings.push(this.findingOf(binding, resource, undefined, { path, message }));
  }

  /** A finding of the binding's policy that names the policy, binding and validation it comes from. */
  private findingOf(
    binding: Binding,
    resource: K8sResource,
    severity: Severity = this.severity(binding),
    violation: { path: Path; message: string },
    validation?: Validation,
  ): Finding {
    const rule = { ruleId: `vap/${binding.policy.name}`, title: binding.policy.name, severity };
    const finding = findingOnResource(rule, resource, violation);
    finding.admission = {
      policy: binding.policy.name,
      binding: binding.name,
      ...(validation
        ? { validation: validation.index, expression: validation.compiled.expression.trim() }
        : {}),
    };
    return finding;
  }

  private severity(binding: Binding): Severity {
    return ACTION_SEVERITY[
      binding.actions.includes('Deny')
        ? 'Deny'
        : binding.actions.includes('Warn')
          ? 'Warn'
          : 'Audit'
    ];
  }

  private misconfigured(
    binding: Binding,
    resource: K8sResource,
    path: Path,
    message: string,
  ): void {
    this.configurationProblem(
      binding,
      resource,
      path,
      // The API server's text (a compile error's ends with its caret line) comes last.
      `ValidatingAdmissionPolicy '${binding.policy.name}' with binding '${binding.name}' cannot be applied, the API server rejects every request it matches: ${message}`,
    );
  }

  /** The API server's text for a failed validation under the binding's actions. */
  private denial(binding: Binding, message: string): string {
    const who = `ValidatingAdmissionPolicy '${binding.policy.name}' with binding '${binding.name}'`;
    if (binding.actions.includes('Deny')) return `${who} denied request: ${message}`;
    const warning = `Validation failed for ${who}: ${message}`;
    return binding.actions.includes('Warn')
      ? warning
      : `${warning} (Audit: recorded in the audit log)`;
  }

  private namespaceOf(resource: K8sResource, mapping: ResourceMapping): string | undefined {
    return mapping.namespaced ? this.namespaces.namespaceOf(resource) : undefined;
  }

  private matches(
    constraints: unknown,
    resource: K8sResource,
    target: RequestTarget,
    namespace: string | undefined,
    object: KubeObject,
  ): Match {
    if (!isObject(constraints)) return { resource: target.own };
    const exact = constraints.matchPolicy === 'Exact';
    const name = resource.ref.name;
    const rules = Array.isArray(constraints.resourceRules) ? constraints.resourceRules : undefined;
    const matched = rules ? matchResourceRules(rules, target, name, exact) : target.own;
    if (!matched) return 'no';
    const excluded = Array.isArray(constraints.excludeResourceRules)
      ? constraints.excludeResourceRules
      : [];
    if (matchResourceRules(excluded, target, name, exact)) return 'no';
    if (!selectorMatches(constraints.objectSelector, labelsOf(object))) return 'no';
    const selector = constraints.namespaceSelector;
    if (isEmptySelector(selector)) return { resource: matched };
    // A Namespace is matched by its own labels; other cluster-scoped objects ignore namespaceSelector.
    if (resource.ref.kind === 'Namespace' && resource.ref.apiVersion === 'v1')
      return selectorMatches(selector, { ...labelsOf(object), 'kubernetes.io/metadata.name': name })
        ? { resource: matched }
        : 'no';
    if (namespace === undefined) return { resource: matched };
    const labels = this.namespaces.labels(namespace);
    if (!labels) return { missingNamespace: namespace };
    return selectorMatches(selector, labels) ? { resource: matched } : 'no';
  }

  private indeterminate(
    binding: Binding,
    resource: K8sResource,
    namespace: string,
    what: string,
  ): void {
    this.unknownOffline(
      binding,
      resource,
      ['metadata', 'namespace'],
      `${what} needs namespace '${namespace}', which the scanned files do not define; add its Namespace manifest or declare its labels in the policy file (admission: { namespaces: { ${namespace}: { labels: {...} } } })`,
    );
  }

  /** What the API server alone can decide: a low finding saying what is missing, never a pass or a denial. */
  private unknownOffline(binding: Binding, resource: K8sResource, path: Path, why: string): void {
    this.findings.push(
      this.findingOf(binding, resource, 'low', {
        path,
        message: `ValidatingAdmissionPolicy '${binding.policy.name}' with binding '${binding.name}' cannot be evaluated offline: ${why}`,
      }),
    );
  }

  private paramsFor(binding: Binding, namespace: string | undefined): unknown[] | undefined {
    const { paramKind } = binding.policy;
    if (!paramKind) return [null];
    const ref = binding.spec.paramRef as KubeObject;
    const wantedNamespace = str(ref.namespace) || namespace;
    const candidates = this.resources.filter(
      (r) =>
        r.ref.apiVersion === paramKind.apiVersion &&
        r.ref.kind === paramKind.kind &&
        // A param written without a namespace is created in the default one.
        (wantedNamespace === undefined || (r.ref.namespace ?? 'default') === wantedNamespace),
    );
    const found =
      typeof ref.name === 'string' && ref.name
        ? candidates.filter((r) => r.ref.name === ref.name)
        : candidates.filter((r) => selectorMatches(ref.selector ?? {}, labelsOf(r.object)));
    return found.length ? found.map((r) => this.objects.object(r)) : undefined;
  }

  /** Every binding applied to one scanned object. */
  evaluate(resource: K8sResource): void {
    // The API server never sends admission configuration (policies, bindings, webhooks) through admission.
    if (!this.bindings.length || resource.ref.apiVersion.startsWith(ADMISSION_GROUP)) return;
    const { apiVersion, kind } = resource.ref;
    const mapping = this.mapper.map(apiVersion, kind) ?? {
      // The API server's guess for an unknown kind (a CRD that is not in the repository).
      group: apiVersion.includes('/') ? apiVersion.slice(0, apiVersion.indexOf('/')) : '',
      versions: [],
      version: apiVersion.slice(apiVersion.indexOf('/') + 1),
      resource: /(s|x|z|ch|sh)$/.test(kind.toLowerCase())
        ? `${kind.toLowerCase()}es`
        : /y$/.test(kind)
          ? `${kind.toLowerCase().slice(0, -1)}ies`
          : `${kind.toLowerCase()}s`,
      namespaced: resource.ref.namespace !== undefined,
    };
    const namespace = this.namespaceOf(resource, mapping);
    const own = { ...mapping, kind };
    const target: RequestTarget = {
      own,
      namespaced: mapping.namespaced,
      equivalents: this.mapper.equivalents(own, this.cel.minor),
      versionsKnown: this.mapper.knowsVersions(mapping.group, kind, mapping.resource),
    };
    // Matching reads kind, name and labels, which the defaults do not change: the source object.
    const object = resource.object;
    const celObjects = new Map<Policy, unknown>();
    const annotations = new Map<Policy, AuditAnnotations>();
    for (const binding of this.bindings) {
      const policyMatch = this.matches(
        binding.policy.spec.matchConstraints,
        resource,
        target,
        namespace,
        object,
      );
      // The policy's match decides the resource the request is evaluated as; the binding's only narrows.
      const bindingMatch =
        typeof policyMatch === 'object' && 'resource' in policyMatch
          ? this.matches(binding.spec.matchResources, resource, target, namespace, object)
          : policyMatch;
      if (bindingMatch === 'no') continue;
      if ('missingNamespace' in bindingMatch) {
        this.indeterminate(
          binding,
          resource,
          bindingMatch.missingNamespace,
          'its namespaceSelector',
        );
        continue;
      }
      const { policy } = binding;
      const matched = (policyMatch as { resource: GroupVersionResource }).resource;
      const namespaceObject = namespace === undefined ? null : this.namespaces.object(namespace);
      if (namespaceObject === undefined && policy.readsNamespaceObject) {
        this.indeterminate(binding, resource, namespace!, 'namespaceObject');
        continue;
      }
      const params = this.paramsFor(binding, namespace);
      if (!params) {
        const ref = binding.spec.paramRef as KubeObject;
        if (ref.parameterNotFoundAction === 'Deny')
          this.report(
            binding,
            resource,
            ['kind'],
            'failed to configure binding: no params found for policy binding with `Deny` parameterNotFoundAction',
          );
        continue;
      }
      let celObject = celObjects.get(policy);
      if (celObject === undefined) {
        celObject = withApiServerDefaults(
          toCel(project(object, policy.reads)) as KubeObject,
          namespace,
          true,
        );
        // Matched as an equivalent resource: the API server converts the object to that version
        // (the same fields for the resources that share storage; only apiVersion differs here).
        if (matched !== own)
          celObject = {
            ...(celObject as KubeObject),
            apiVersion: matched.group ? `${matched.group}/${matched.version}` : matched.version,
          };
        celObjects.set(policy, celObject);
      }
      let collected = annotations.get(policy);
      if (!collected) annotations.set(policy, (collected = new Map()));
      for (const param of params)
        this.apply(
          binding,
          resource,
          celObject,
          namespaceObject ?? null,
          param,
          { own, matched, namespaced: mapping.namespaced },
          namespace,
          collected,
        );
    }
    for (const [policy, collected] of annotations)
      this.reportAuditAnnotations(policy, resource, collected);
  }

  /**
   * A failed validation (or an error) under the binding's actions. With Audit the API server records the
   * failure as the validation_failure audit annotation, which the finding carries.
   */
  private report(
    binding: Binding,
    resource: K8sResource,
    path: Path,
    message: string,
    validation?: Validation,
  ): void {
    const finding = this.findingOf(
      binding,
      resource,
      undefined,
      { path, message: this.denial(binding, message) },
      validation,
    );
    if (binding.actions.includes('Audit'))
      finding.auditAnnotations = {
        [VALIDATION_FAILURE_ANNOTATION]: JSON.stringify([
          {
            message,
            policy: binding.policy.name,
            binding: binding.name,
            expressionIndex: validation?.index ?? 0,
            validationActions: binding.actions,
          },
        ]),
      };
    this.findings.push(finding);
  }

  /**
   * The audit annotations a policy publishes for an object, as `<policy>/<key>`: an info finding, so that
   * a reviewer sees what the audit log will record. Distinct values of several bindings are joined with
   * ', ' as the API server joins them.
   */
  private reportAuditAnnotations(
    policy: Policy,
    resource: K8sResource,
    collected: AuditAnnotations,
  ): void {
    if (!collected.size) return;
    const published: Record<string, string> = {};
    for (const [key, values] of collected) published[`${policy.name}/${key}`] = values.join(', ');
    const finding = findingOnResource(
      { ruleId: `vap/${policy.name}`, title: policy.name, severity: 'info' },
      resource,
      {
        path: ['kind'],
        message: `ValidatingAdmissionPolicy '${policy.name}' records audit annotations: ${Object.entries(
          published,
        )
          .map(([key, value]) => `${key}: ${value}`)
          .join('; ')}`,
      },
    );
    finding.auditAnnotations = published;
    finding.admission = { policy: policy.name };
    // Its own identity beside the policy's failures on the same object.
    finding.fingerprint = hash('sha256', `${finding.fingerprint}|audit-annotations`, 'hex').slice(
      0,
      32,
    );
    this.findings.push(finding);
  }

  private apply(
    binding: Binding,
    resource: K8sResource,
    object: unknown,
    namespaceObject: unknown,
    params: unknown,
    request: { own: GroupVersionResource; matched: GroupVersionResource; namespaced: boolean },
    namespace: string | undefined,
    annotations: AuditAnnotations,
  ): void {
    const { policy } = binding;
    const gvr = ({ group, version, resource }: GroupVersionResource) => ({
      group,
      version,
      resource,
    });
    const gvk = ({ group, version, kind }: GroupVersionResource) => ({ group, version, kind });
    const { own, matched } = request;
    const requestObject = toCel({
      // kind and resource are what the policy matched (an equivalent one converts the object);
      // requestKind and requestResource what was sent.
      kind: gvk(matched),
      resource: gvr(matched),
      subResource: '',
      requestKind: gvk(own),
      requestResource: gvr(own),
      name: resource.ref.name,
      namespace: namespace ?? '',
      operation: 'CREATE',
      userInfo: { username: 'kube-policy-gate', groups: ['system:authenticated'] },
      dryRun: false,
      options: { apiVersion: 'meta.k8s.io/v1', kind: 'CreateOptions' },
    });
    const variables: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
    const failed = new Map<string, Error>();
    const authorizer = new AuthorizerValue({
      group: own.group,
      resource: own.resource,
      subresource: '',
      namespace: namespace ?? '',
      name: resource.ref.name,
    });
    const context = {
      object,
      oldObject: null,
      request: requestObject,
      params,
      namespaceObject,
      variables,
      authorizer,
    };
    const run = (compiled: CompiledExpression) => {
      for (const [name, error] of failed)
        if (readsVariable(compiled.ast, 'variables') && compiled.expression.includes(name))
          throw error;
      try {
        return evaluateFor(this.objects, resource, compiled, context);
      } catch (error) {
        if (error instanceof OfflineUnknownError) throw error;
        throw new CelError(
          `expression '${compiled.expression.trim()}' resulted in error: ${goErrorText((error as Error).message)}`,
          'runtime',
        );
      }
    };
    // failurePolicy Fail turns an error into the binding's action; Ignore skips the policy. An
    // authorizer check is no error: its answer is unknown offline, reported once per object.
    let reportedUnknown = false;
    const onError = (error: unknown, validation?: Validation) => {
      if (error instanceof OfflineUnknownError) {
        if (!reportedUnknown)
          this.unknownOffline(
            binding,
            resource,
            ['kind'],
            `it asks the cluster's authorizer ${error.message}, which only the API server can answer (it knows who sends the request and their RBAC permissions); make sure whoever applies this object has that permission`,
          );
        reportedUnknown = true;
      } else if (policy.failurePolicy === 'Fail')
        this.report(binding, resource, ['kind'], (error as Error).message, validation);
    };
    const conditionsCompiled =
      !policy.compileError || policy.compileError.path[1] !== 'matchConditions';
    try {
      if (conditionsCompiled)
        for (const condition of policy.matchConditions)
          if (run(condition.compiled) !== true) return;
    } catch (error) {
      return onError(error);
    }
    if (policy.compileError)
      return onError(new Error(`compilation error: ${policy.compileError.message}`));
    for (const variable of policy.variables) {
      try {
        variables[variable.name] = run(variable.compiled);
      } catch (error) {
        failed.set(variable.name, error as Error);
      }
    }
    for (const validation of policy.validations) {
      let value: unknown;
      try {
        value = run(validation.compiled);
      } catch (error) {
        onError(error, validation);
        continue;
      }
      if (value === true) continue;
      if (value !== false) {
        onError(new Error(`validation expression returned ${typeof value}, not bool`), validation);
        continue;
      }
      let message =
        validation.message ?? `failed expression: ${validation.compiled.expression.trim()}`;
      if (validation.messageExpression) {
        try {
          const text = run(validation.messageExpression);
          if (
            typeof text === 'string' &&
            text.trim() &&
            !text.includes('\n') &&
            text.length <= 5120
          )
            message = text;
        } catch {
          // The API server keeps the static message (or the default) when messageExpression fails.
        }
      }
      const path = attributeFailure({
        cel: this.cel,
        expression: validation.compiled.expression,
        ast: validation.compiled.ast,
        variables: context,
        root: 'object',
        budget: PER_EXPRESSION_COST_LIMIT,
      });
      this.report(binding, resource, path ?? ['kind'], message, validation);
    }
    for (const annotation of policy.auditAnnotations) {
      let value: unknown;
      try {
        value = run(annotation.compiled);
      } catch (error) {
        if (error instanceof OfflineUnknownError) onError(error);
        else if (policy.failurePolicy === 'Fail')
          this.reportAnnotationError(binding, resource, (error as Error).message);
        continue;
      }
      if (value === null) continue;
      if (typeof value !== 'string') {
        if (policy.failurePolicy === 'Fail')
          this.reportAnnotationError(
            binding,
            resource,
            `valueExpression '${annotation.compiled.expression}' resulted in unsupported return type: ${celTypeName(value)}. Return type must be either string or null.`,
          );
        continue;
      }
      // Blank is no annotation; a long value is cut, as the API server publishes it.
      const text = truncateUtf8(value.trim(), MAX_AUDIT_ANNOTATION_BYTES);
      if (!text) continue;
      const values = annotations.get(annotation.key) ?? [];
      if (!values.includes(text)) annotations.set(annotation.key, [...values, text]);
    }
  }

  /** An audit annotation that fails under failurePolicy Fail denies the request, whatever the binding's actions. */
  private reportAnnotationError(binding: Binding, resource: K8sResource, message: string): void {
    this.findings.push(
      this.findingOf(binding, resource, ACTION_SEVERITY.Deny, {
        path: ['kind'],
        message: `ValidatingAdmissionPolicy '${binding.policy.name}' with binding '${binding.name}' denied request: ${message}`,
      }),
    );
  }
}

/** Findings (and warnings) of the ValidatingAdmissionPolicies in the scanned resources. */
export function evaluateAdmissionPolicies(
  resources: readonly K8sResource[],
  settings: AdmissionSettings,
  namespaces: Namespaces,
  /** Admission configuration from elsewhere (the live cluster): applied, not evaluated. */
  context: readonly K8sResource[] = [],
): { findings: Finding[]; warnings: ScanError[] } {
  const all = context.length ? [...resources, ...context] : resources;
  if (!all.some((r) => isKind(r, 'ValidatingAdmissionPolicyBinding')))
    return { findings: [], warnings: [] };
  const evaluator = new AdmissionEvaluator(all, settings, namespaces, new Set(context));
  for (const resource of resources) evaluator.evaluate(resource);
  // `rules: { vap/<policy>: low }` or `off`, like any rule.
  const ruleSettings = settings.ruleSettings ?? {};
  const findings = evaluator.findings.flatMap((finding) => {
    const setting = ruleSettings[finding.ruleId];
    if (setting === 'off') return [];
    // Audit annotations are information, not a failure: they keep their severity.
    return setting && finding.severity !== 'info' ? [{ ...finding, severity: setting }] : [finding];
  });
  return { findings, warnings: evaluator.warnings };
}
