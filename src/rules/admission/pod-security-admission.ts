// Pod Security Admission by namespace label: a Namespace labelled pod-security.kubernetes.io/enforce|warn|audit
// = baseline|restricted (optionally pinned with -version) subjects the Pods and workload templates created in
// it to that level's Pod Security Standards rules, whatever the packs enable. As the API server's admission
// (k8s.io/pod-security-admission admission/admission.go EvaluatePod): enforce rejects a Pod, and a Pod it
// rejects gets no warnings (warn is not evaluated for a request that fails), while audit is recorded
// either way; a workload (Deployment, Job, ...) is never enforced, only warned about and audited, so
// an enforce violation in its template is reported as what it leads to: the workload is admitted and
// its Pods are rejected when its controller creates them.
// Each mode runs the checks as they were at its pinned version, as the API server does
// (k8s.io/pod-security-admission api/helpers.go PolicyToEvaluate, policy/registry.go).
import { severityRank, type Finding, type Severity } from '../../model.js';
import type { K8sResource } from '../../sources/resource.js';
import { parseKubernetesMinor } from '../cel/environment.js';
import { podSecurityLabelsInvalid } from '../engine-rules.js';
import { findingOnResource } from '../evaluate.js';
import { k8sRules } from '../k8s/index.js';
import { pssMinor } from '../k8s/pod/pss-version.js';
import type { K8sRule, K8sViolation } from '../types.js';
import { labelsOf } from './selectors.js';

type Mode = 'enforce' | 'warn' | 'audit';
type Level = 'privileged' | 'baseline' | 'restricted';
const MODES: Mode[] = ['enforce', 'warn', 'audit'];
const MODE_SEVERITY: Record<Mode, Severity> = { enforce: 'high', warn: 'medium', audit: 'low' };
const LEVELS: Level[] = ['privileged', 'baseline', 'restricted'];
const LABEL_PREFIX = 'pod-security.kubernetes.io/';
/** The API server's version syntax: `v1.N`, no leading zero, no patch. */
const VERSION_LABEL = /^v1\.([0-9]|[1-9][0-9]*)$/;

export interface NamespacePolicy {
  mode: Mode;
  level: Level;
  /** `latest` or the pinned `v1.N`, as the API server prints it. */
  version: string;
}

/** A label the API server refuses on a Namespace (its field error). */
export interface LabelError {
  label: string;
  value: string;
  message: string;
}

/**
 * The PSA modes a namespace's labels set, and the labels the API server would refuse. As the API
 * server evaluates a namespace that carries them anyway: an unparseable version is `latest`, an
 * invalid enforce level `restricted` (fail closed), an invalid warn or audit level `privileged`;
 * without a warn label, warn follows a stricter enforce level (and its version unless warn pins one).
 */
export function parsePodSecurityLabels(labels: Record<string, string>): {
  modes: NamespacePolicy[];
  errors: LabelError[];
} {
  const errors: LabelError[] = [];
  const policy = {} as Record<Mode, { level: Level; version: string }>;
  const has = (label: string) => Object.hasOwn(labels, label);
  for (const mode of MODES) {
    policy[mode] = { level: 'privileged', version: 'latest' };
    const levelLabel = `${LABEL_PREFIX}${mode}`;
    if (has(levelLabel)) {
      const value = labels[levelLabel];
      if (LEVELS.includes(value as Level)) policy[mode].level = value as Level;
      else {
        policy[mode].level = mode === 'enforce' ? 'restricted' : 'privileged';
        errors.push({ label: levelLabel, value, message: `must be one of ${LEVELS.join(', ')}` });
      }
    }
    const versionLabel = `${levelLabel}-version`;
    if (has(versionLabel)) {
      const value = labels[versionLabel];
      if (value === 'latest' || VERSION_LABEL.test(value)) policy[mode].version = value;
      else errors.push({ label: versionLabel, value, message: 'must be "latest" or "v1.x"' });
    }
  }
  const enforceValid =
    has(`${LABEL_PREFIX}enforce`) && LEVELS.includes(labels[`${LABEL_PREFIX}enforce`] as Level);
  if (
    !has(`${LABEL_PREFIX}warn`) &&
    enforceValid &&
    LEVELS.indexOf(policy.enforce.level) > LEVELS.indexOf(policy.warn.level)
  ) {
    policy.warn.level = policy.enforce.level;
    if (!has(`${LABEL_PREFIX}warn-version`)) policy.warn.version = policy.enforce.version;
  }
  const modes = MODES.filter((mode) => policy[mode].level !== 'privileged').map((mode) => ({
    mode,
    ...policy[mode],
  }));
  return { modes, errors };
}

/** The PSA modes of a namespace's labels (see parsePodSecurityLabels). */
export function podSecurityModes(labels: Record<string, string>): NamespacePolicy[] {
  return parsePodSecurityLabels(labels).modes;
}

/** The policy version a mode's checks run at: its pin, else (`latest`) the target release; a pin
 *  newer than the target is the target, as an API server runs no checks newer than itself. */
export function effectivePssVersion(version: string, targetMinor: number): number {
  const pinned = VERSION_LABEL.exec(version);
  return pinned ? Math.min(Number(pinned[1]), targetMinor) : targetMinor;
}

/**
 * The rules of a level as PSA runs them at policy version 1.`minor`: those whose check exists by
 * then, the restricted level without the baseline checks a restricted check replaces by then.
 */
export function rulesAt(level: Level, minor: number): K8sRule[] {
  if (level === 'privileged') return [];
  const existing = k8sRules.filter(
    (rule) =>
      rule.check &&
      rule.meta.pss &&
      (level === 'restricted' || rule.meta.pss.level === 'baseline') &&
      pssMinor(rule.meta.pss.since) <= minor,
  );
  const replaced = new Set(existing.flatMap((rule) => rule.meta.pss!.overrides ?? []));
  return existing.filter(
    (rule) => !(rule.meta.pss!.level === 'baseline' && replaced.has(rule.meta.pss!.check)),
  );
}

function message(
  resource: K8sResource,
  policy: NamespacePolicy,
  violation: string,
  warned: boolean,
): string {
  const standard = `PodSecurity "${policy.level}:${policy.version}"`;
  const kind = resource.ref.kind;
  if (policy.mode === 'enforce')
    return isPod(resource)
      ? `pods "${resource.ref.name}" is forbidden: violates ${standard}: ${violation}`
      : `${kind} "${resource.ref.name}" is admitted${warned ? ' with a warning' : ''} (PodSecurity enforces on Pods, not on workloads), but its Pods would be rejected in namespace '${resource.ref.namespace ?? 'default'}': would violate ${standard}: ${violation}`;
  if (policy.mode === 'warn') return `Warning: would violate ${standard}: ${violation}`;
  return `would violate ${standard} (audit annotation pod-security.kubernetes.io/audit-violations): ${violation}`;
}

/** A mode's violations of one resource, by rule ID, in rule order. */
type Violated = Map<string, { rule: K8sRule; violations: K8sViolation[] }>;

const isPod = (resource: K8sResource) =>
  resource.ref.kind === 'Pod' && resource.ref.apiVersion === 'v1';

/**
 * PSA findings for the Pods and workloads of the namespaces whose labels set a level, each mode's
 * checks as of its pinned version (`kubernetesVersion`'s for `latest`), and for each scanned
 * Namespace whose PSA labels the API server would refuse.
 */
export function evaluatePodSecurityAdmission(
  resources: readonly K8sResource[],
  namespaceLabels: (namespace: string) => Record<string, string> | undefined,
  namespaceOf: (resource: K8sResource) => string,
  kubernetesVersion: string,
): Finding[] {
  const targetMinor = parseKubernetesMinor(kubernetesVersion);
  const findings: Finding[] = [];
  const cache = new Map<string, NamespacePolicy[]>();
  const ruleSets = new Map<string, K8sRule[]>();
  for (const resource of resources) {
    if (isNamespace(resource)) findings.push(...invalidLabelFindings(resource));
    if (!resource.pod) continue;
    const namespace = namespaceOf(resource);
    let modes = cache.get(namespace);
    if (!modes) cache.set(namespace, (modes = podSecurityModes(namespaceLabels(namespace) ?? {})));
    if (!modes.length) continue;
    // What each mode finds, by rule; one evaluation per level and version.
    const found = new Map<NamespacePolicy, Violated>();
    const byLevel = new Map<string, Violated>();
    for (const policy of modes) {
      const minor = effectivePssVersion(policy.version, targetMinor);
      const key = `${policy.level}:${minor}`;
      let violated = byLevel.get(key);
      if (!violated) {
        let rules = ruleSets.get(key);
        if (!rules) ruleSets.set(key, (rules = rulesAt(policy.level, minor)));
        violated = new Map();
        for (const rule of rules) {
          const violations = rule.check!(resource, rule.defaultOptions, { pssVersion: minor });
          if (violations.length) violated.set(rule.meta.id, { rule, violations });
        }
        byLevel.set(key, violated);
      }
      found.set(policy, violated);
    }
    const enforce = modes.find((policy) => policy.mode === 'enforce');
    const warn = modes.find((policy) => policy.mode === 'warn');
    // A Pod enforce rejects gets no warnings; a workload is not enforced, so it still does.
    const rejected = isPod(resource) && enforce !== undefined && found.get(enforce)!.size > 0;
    // Each rule once, under the strongest mode that finds something with it.
    const seen = new Set<string>();
    for (const policy of modes) {
      if (policy.mode === 'warn' && rejected) continue;
      for (const [id, { rule, violations }] of found.get(policy)!) {
        if (seen.has(id)) continue;
        seen.add(id);
        const warned = warn !== undefined && found.get(warn)!.has(id);
        for (const violation of violations)
          findings.push(
            findingOnResource(
              {
                ruleId: rule.meta.id,
                title: rule.meta.title,
                severity: MODE_SEVERITY[policy.mode],
              },
              resource,
              { ...violation, message: message(resource, policy, violation.message, warned) },
            ),
          );
      }
    }
  }
  return findings;
}

const isNamespace = (resource: K8sResource) =>
  resource.ref.kind === 'Namespace' && resource.ref.apiVersion === 'v1';

/** The API server refuses to create a Namespace with invalid PSA labels: one finding per label,
 *  worded as its field error. */
function invalidLabelFindings(resource: K8sResource): Finding[] {
  return parsePodSecurityLabels(labelsOf(resource.object)).errors.map((error) =>
    findingOnResource(
      {
        ruleId: podSecurityLabelsInvalid.id,
        title: podSecurityLabelsInvalid.title,
        severity: podSecurityLabelsInvalid.severity,
      },
      resource,
      {
        message: `Namespace "${resource.ref.name}" is invalid: metadata.labels[${error.label}]: Invalid value: ${JSON.stringify(error.value)}: ${error.message}`,
        path: ['metadata', 'labels', error.label],
      },
    ),
  );
}

/**
 * A finding of the packs that PSA reports too is reported once: PSA's, which says what admission does,
 * at the higher of the two severities (a pack that rates a control high keeps it high under `warn`).
 */
export function mergePodSecurityFindings(
  ruleFindings: Finding[],
  psaFindings: Finding[],
): Finding[] {
  if (!psaFindings.length) return ruleFindings;
  const key = (f: Finding) => `${f.fingerprint}|${f.line}|${f.container ?? ''}`;
  const byKey = new Map(ruleFindings.map((f) => [key(f), f]));
  const psa = psaFindings.map((f) => {
    const own = byKey.get(key(f));
    return own && severityRank(own.severity) > severityRank(f.severity)
      ? { ...f, severity: own.severity }
      : f;
  });
  const replaced = new Set(psa.map(key));
  return [...ruleFindings.filter((f) => !replaced.has(key(f))), ...psa];
}
