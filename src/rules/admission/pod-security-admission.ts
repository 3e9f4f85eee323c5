// Pod Security Admission by namespace label: a Namespace labelled pod-security.kubernetes.io/enforce|warn|audit
// = baseline|restricted (optionally pinned with -version) subjects the Pods and workload templates created in
// it to that level's Pod Security Standards rules, whatever the packs enable. enforce rejects Pods (and
// admits a workload with a warning while its Pods would be rejected), warn warns, audit records.
import { severityRank, type Finding, type Severity } from '../../model.js';
import type { K8sResource } from '../../sources/resource.js';
import { findingOnResource } from '../evaluate.js';
import { k8sRules } from '../k8s/index.js';
import type { K8sRule } from '../types.js';

type Mode = 'enforce' | 'warn' | 'audit';
type Level = 'privileged' | 'baseline' | 'restricted';
const MODES: Mode[] = ['enforce', 'warn', 'audit'];
const MODE_SEVERITY: Record<Mode, Severity> = { enforce: 'high', warn: 'medium', audit: 'low' };
const LEVELS: Level[] = ['privileged', 'baseline', 'restricted'];
const LABEL_PREFIX = 'pod-security.kubernetes.io/';

export interface NamespacePolicy {
  mode: Mode;
  level: Level;
  version: string;
}

/** The PSA modes of a namespace's labels (invalid values are ignored, as the API server defaults them). */
export function podSecurityModes(labels: Record<string, string>): NamespacePolicy[] {
  const out: NamespacePolicy[] = [];
  for (const mode of MODES) {
    const level = labels[`${LABEL_PREFIX}${mode}`] as Level | undefined;
    if (!level || !LEVELS.includes(level) || level === 'privileged') continue;
    const version = labels[`${LABEL_PREFIX}${mode}-version`];
    out.push({
      mode,
      level,
      version: version && /^(latest|v1\.\d+)$/.test(version) ? version : 'latest',
    });
  }
  return out;
}

const rulesOfLevel = (level: Level): K8sRule[] =>
  k8sRules.filter(
    (r) => r.meta.pss && (level === 'restricted' || r.meta.pss.level === 'baseline') && r.check,
  );

function message(resource: K8sResource, policy: NamespacePolicy, violation: string): string {
  const standard = `PodSecurity "${policy.level}:${policy.version}"`;
  const kind = resource.ref.kind;
  if (policy.mode === 'enforce')
    return kind === 'Pod'
      ? `pods "${resource.ref.name}" is forbidden: violates ${standard}: ${violation}`
      : `${kind} "${resource.ref.name}" is admitted with a warning, but its Pods would be rejected in namespace '${resource.ref.namespace ?? 'default'}': would violate ${standard}: ${violation}`;
  if (policy.mode === 'warn') return `Warning: would violate ${standard}: ${violation}`;
  return `would violate ${standard} (audit annotation pod-security.kubernetes.io/audit-violations): ${violation}`;
}

/** PSA findings for the Pods and workloads of the namespaces whose labels set a level. */
export function evaluatePodSecurityAdmission(
  resources: readonly K8sResource[],
  namespaceLabels: (namespace: string) => Record<string, string> | undefined,
  namespaceOf: (resource: K8sResource) => string,
): Finding[] {
  const findings: Finding[] = [];
  const cache = new Map<string, NamespacePolicy[]>();
  for (const resource of resources) {
    if (!resource.pod) continue;
    const namespace = namespaceOf(resource);
    let modes = cache.get(namespace);
    if (!modes) cache.set(namespace, (modes = podSecurityModes(namespaceLabels(namespace) ?? {})));
    if (!modes.length) continue;
    // Each rule once, under the strongest mode whose level includes it.
    const seen = new Set<string>();
    for (const policy of modes) {
      for (const rule of rulesOfLevel(policy.level)) {
        if (seen.has(rule.meta.id)) continue;
        const violations = rule.check!(resource, rule.defaultOptions);
        if (!violations.length) continue;
        seen.add(rule.meta.id);
        for (const violation of violations)
          findings.push(
            findingOnResource(
              {
                ruleId: rule.meta.id,
                title: rule.meta.title,
                severity: MODE_SEVERITY[policy.mode],
              },
              resource,
              { ...violation, message: message(resource, policy, violation.message) },
            ),
          );
      }
    }
  }
  return findings;
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
