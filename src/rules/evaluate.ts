// The evaluate stage: enabled rules over resources and Dockerfiles, each violation turned into
// a positioned Finding.
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { Finding, ResourceRef, Severity, SourceKind } from '../model.js';
import type { DockerfileModel } from '../sources/dockerfile.js';
import type { K8sResource } from '../sources/resource.js';
import { detached, flattened } from '../sources/strings.js';
import {
  fingerprint,
  resourceFingerprintScope,
  ruleFingerprint,
  ruleKey,
  type FingerprintScope,
} from './fingerprint.js';
import { dockerRules } from './docker/index.js';
import { k8sRules } from './k8s/index.js';
import { customK8sRules } from './custom/custom-rules.js';
import { DEFAULT_KUBERNETES_VERSION, parseKubernetesMinor } from './cel/environment.js';
import { pssMinor } from './k8s/pod/pss-version.js';
import type { CheckContext, K8sRule, K8sViolation, RuleMeta, RuleSelection } from './types.js';

export function evaluateResources(
  resources: readonly K8sResource[],
  policy: RuleSelection,
): Finding[] {
  const evaluation = new ResourceEvaluation(policy);
  evaluation.add(resources);
  return evaluation.findings(resources);
}

/**
 * evaluateResources in parts, so that a scan checks the plain manifests and each chart's output
 * while helm still renders: `add` runs every rule's `check` on a batch of resources, `findings`
 * the cross-resource `checkAll` on the whole set. Batches added in the whole set's order (or
 * each under the number of the part of the set it is in) give the same findings, in the same
 * order, as evaluateResources on the whole set.
 */
export class ResourceEvaluation {
  private readonly activeRules: ActiveRule[] = [];
  private readonly checked: ActiveRule[];
  /** The rules that can find anything in a resource of each kind (RBAC rules declare theirs),
   *  listed for each kind met. */
  private readonly checkedByKind = new Map<string, ActiveRule[]>();
  /** By part of the set, by active rule: the findings of `rule.check`, in resource order. */
  private readonly found = new Map<number, Finding[][]>();
  /** The Pod Security Standards controls as the target release's Pod Security Admission runs
   *  them: one it does not have yet finds nothing. */
  private readonly context: CheckContext;

  constructor(policy: RuleSelection) {
    const kubernetesVersion = policy.kubernetesVersion ?? DEFAULT_KUBERNETES_VERSION;
    const custom = policy.customRules?.length
      ? customK8sRules(policy.customRules, kubernetesVersion)
      : [];
    this.context = { pssVersion: parseKubernetesMinor(kubernetesVersion) };
    for (const rule of custom.length ? [...k8sRules, ...custom] : k8sRules) {
      const enabled = policy.rules.get(rule.meta.id);
      if (!enabled) continue;
      if (rule.meta.pss && pssMinor(rule.meta.pss.since) > this.context.pssVersion!) continue;
      const options = { ...(rule.defaultOptions as object), ...enabled.options };
      const index = this.activeRules.length;
      this.activeRules.push({
        rule,
        options,
        report: reporter(rule.meta, enabled.severity),
        index,
      });
    }
    this.checked = this.activeRules.filter(({ rule }) => rule.check);
  }

  /** Whether a cross-resource rule (a custom rule's CEL) reads the objects themselves: if none
   *  does, `findings` needs of each resource only its ref, origin and pod template's presence. */
  get readsObjectsAtTheEnd(): boolean {
    return this.activeRules.some(({ rule }) => rule.checkAll && rule.checkAllReads !== 'refs');
  }

  /** Every rule's `check` on `resources`, which are in `part` of the whole set: a lower part's
   *  findings come first, a part's in the order added. Resource by resource, every rule: a
   *  resource's objects and position index stay in the CPU cache while all rules look at it,
   *  instead of every resource being fetched once per rule. Findings are kept rule by rule, in
   *  resource order, as each rule's own list. */
  add(resources: readonly K8sResource[], part = 0): void {
    const { checked, checkedByKind, context } = this;
    let found = this.found.get(part);
    if (!found) {
      found = this.activeRules.map(() => []);
      this.found.set(part, found);
    }
    for (const resource of resources) {
      const kind = resource.ref.kind;
      let rules = checkedByKind.get(kind);
      if (!rules) {
        rules = checked.filter(({ rule }) => checksKind(rule, kind));
        checkedByKind.set(kind, rules);
      }
      // What the fingerprints of this resource's findings share, built with its first finding.
      let scope: FingerprintScope | undefined;
      for (const { rule, options, report, index } of rules) {
        const violations = rule.check!(resource, options, context);
        // Most checks find nothing: no iterator for an empty list.
        for (let i = 0; i < violations.length; i++) {
          scope ??= resourceScope(resource);
          found[index].push(resourceFinding(report, resource, violations[i], scope));
        }
      }
    }
  }

  /** The findings of every batch added, then of the cross-resource rules over `resources` (the
   *  whole set), rule by rule. Once: the batches' findings are handed over. */
  findings(resources: readonly K8sResource[]): Finding[] {
    const findings: Finding[] = [];
    const parts = [...this.found.keys()].sort((a, b) => a - b).map((part) => this.found.get(part)!);
    this.found.clear();
    for (const { rule, options, report, index } of this.activeRules) {
      for (const found of parts) for (const finding of found[index]) findings.push(finding);
      if (rule.checkAll) {
        for (const { resource, ...violation } of rule.checkAll(resources, options)) {
          findings.push(resourceFinding(report, resource, violation, resourceScope(resource)));
        }
      }
    }
    return findings;
  }
}

/** A scan's evaluation begun before all its resources exist: the resources' own checks so far
 *  (ResourceEvaluation), the Dockerfiles' findings. */
export interface BegunEvaluation {
  resources: ResourceEvaluation;
  dockerfiles: Finding[];
}

/** Resources evaluated per turn of the event loop by evaluateWhileWaiting. */
const SLICE = 256;

/** `resources` added to `evaluation` (as `part`) and the Dockerfiles evaluated while helm
 *  renders, in slices: between two, the renders that finished are taken up and the next ones
 *  started, so that no CPU waits for this. */
export async function evaluateWhileWaiting(
  evaluation: ResourceEvaluation,
  resources: readonly K8sResource[],
  part: number,
  dockerfiles: readonly DockerfileModel[],
  policy: RuleSelection,
): Promise<BegunEvaluation> {
  for (let start = 0; start < resources.length; start += SLICE) {
    await nextTurn();
    evaluation.add(resources.slice(start, start + SLICE), part);
  }
  await nextTurn();
  return { resources: evaluation, dockerfiles: evaluateDockerfiles(dockerfiles, policy) };
}

/** Whether `rule.check` looks at resources of `kind`: its `kinds` are binding (compared
 *  case-insensitively, as Trivy reads binding kinds), so a check never tests the kind itself. */
export function checksKind(rule: K8sRule, kind: string): boolean {
  if (!rule.kinds) return true;
  const lowerKind = kind.toLowerCase();
  return rule.kinds.some((name) => name.toLowerCase() === lowerKind);
}

interface ActiveRule {
  rule: K8sRule;
  options: object;
  report: Reporter;
  /** Its place among the active rules. */
  index: number;
}

/** What every finding of one rule shares; built once per rule, not per finding (a hot path). */
interface Reporter {
  ruleId: string;
  aliases: string[];
  severity: Severity;
  title: string;
  /** The rule's part of its findings' fingerprint keys (fingerprint.ts ruleKey). */
  key: string;
}

/** A finding of a rule the engine does not list (admission policies), on a path of a resource. */
export function findingOnResource(
  rule: { ruleId: string; title: string; severity: Severity },
  resource: K8sResource,
  violation: K8sViolation,
): Finding {
  const report = {
    ruleId: rule.ruleId,
    aliases: [],
    severity: rule.severity,
    title: rule.title,
    key: ruleKey(rule.ruleId),
  };
  // An admission policy's message may be a slice of a CEL value: detached, not only flattened.
  const message = detached(violation.message);
  return resourceFinding(report, resource, { ...violation, message }, resourceScope(resource));
}

function reporter(meta: RuleMeta, severity: Severity): Reporter {
  return {
    ruleId: meta.id,
    aliases: [meta.name, ...meta.aliases],
    severity,
    title: meta.title,
    key: ruleKey(meta.id),
  };
}

function resourceScope({ origin, ref }: K8sResource): FingerprintScope {
  const valuesSet = origin.chart ? origin.valuesSet : undefined;
  return resourceFingerprintScope(origin.file, origin.chart, valuesSet, ref);
}

function resourceFinding(
  report: Reporter,
  resource: K8sResource,
  violation: K8sViolation,
  scope: FingerprintScope,
): Finding {
  const { origin } = resource;
  const location = origin.locate(violation.path, violation.part);
  const container = violation.container || undefined;
  // The same shape as `finding` builds, in one object (a hot path).
  return {
    ruleId: report.ruleId,
    aliases: report.aliases,
    severity: report.severity,
    title: report.title,
    // A check's message is built by concatenation (K8sViolation.message): flattened in place.
    message: flattened(violation.message),
    file: location.file ?? origin.file,
    line: location.line,
    endLine: location.endLine || undefined,
    source: location.source ?? origin.source,
    resource: resource.ref,
    container,
    chart: origin.chart,
    valuesSet: origin.chart ? origin.valuesSet : undefined,
    overlay: origin.overlay,
    rendered: location.rendered,
    fingerprint: ruleFingerprint(report.key, scope, container),
  };
}

export function evaluateDockerfiles(
  dockerfiles: readonly DockerfileModel[],
  policy: RuleSelection,
): Finding[] {
  const findings: Finding[] = [];
  for (const rule of dockerRules) {
    const enabled = policy.rules.get(rule.meta.id);
    if (!enabled) continue;
    const options = { ...(rule.defaultOptions as object), ...enabled.options };
    const report = reporter(rule.meta, enabled.severity);
    for (const dockerfile of dockerfiles) {
      for (const { message, line, endLine } of rule.check(dockerfile, options)) {
        const result = finding(report, message, {
          file: dockerfile.file,
          line,
          endLine: endLine && endLine > line ? endLine : undefined,
          source: 'dockerfile',
        });
        result.fingerprint = fingerprint(result, dockerfile.file);
        findings.push(result);
      }
    }
  }
  return findings;
}

/** A finding the engine itself raises about a file (KPG001 unreadable, KPG002 render failure). */
export function fileFinding(
  meta: RuleMeta,
  file: string,
  line: number,
  message: string,
  source: SourceKind,
  extra: { chart?: string; valuesSet?: string; overlay?: string; resource?: ResourceRef } = {},
): Finding {
  const result = finding(reporter(meta, meta.severity), message, { file, line, source, ...extra });
  result.fingerprint = fingerprint(result, file);
  return result;
}

type Placement = Pick<Finding, 'file' | 'line' | 'source'> &
  Partial<
    Pick<
      Finding,
      'endLine' | 'resource' | 'container' | 'chart' | 'valuesSet' | 'overlay' | 'rendered'
    >
  >;

/** Every finding has the same shape (absent fields are `undefined`, dropped from JSON), which
 *  keeps the hot path monomorphic. The caller sets the fingerprint, from the file the finding's
 *  identity is tied to (the manifest or template, not a values file). */
function finding(report: Reporter, message: string, where: Placement): Finding {
  return {
    ruleId: report.ruleId,
    aliases: report.aliases,
    severity: report.severity,
    title: report.title,
    // Findings live until the report is written: a flat copy, not the template's parts.
    message: detached(message),
    file: where.file,
    line: where.line,
    endLine: where.endLine || undefined,
    source: where.source,
    resource: where.resource,
    container: where.container || undefined,
    chart: where.chart,
    valuesSet: where.valuesSet,
    overlay: where.overlay,
    rendered: where.rendered,
    fingerprint: '',
  };
}
