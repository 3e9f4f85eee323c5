// The admission preview: what the API server's admission would say about a CREATE of each scanned
// object: the ValidatingAdmissionPolicies in the tree and Pod Security Admission by namespace label.
import type { Finding, ScanError, Severity } from '../../model.js';
import type { K8sResource } from '../../sources/resource.js';
import { DEFAULT_KUBERNETES_VERSION } from '../cel/environment.js';
import { Namespaces, type ChartNamespaces } from './namespaces.js';
import {
  evaluatePodSecurityAdmission,
  mergePodSecurityFindings,
  podSecurityModes,
} from './pod-security-admission.js';
import { labelsOf } from './selectors.js';
import { evaluateAdmissionPolicies } from './validating-admission-policy.js';

/** What admission reads from the policy (structurally, the Policy's fields). */
export interface AdmissionPolicyView {
  kubernetesVersion?: string;
  admission?: { namespaces: Record<string, { labels: Record<string, string> }> };
  charts?: ChartNamespaces;
  /** `rules:` settings of `vap/<policy>` IDs. */
  admissionRules?: Record<string, Severity | 'off'>;
}

export interface Admission {
  findings: Finding[];
  warnings: ScanError[];
  /** The rules' findings with those Pod Security Admission reports too replaced by its own. */
  merge(ruleFindings: Finding[]): Finding[];
}

/**
 * `context`: admission configuration read elsewhere (the live cluster's policies, bindings, params and
 * Namespaces); it applies to the scanned resources but is not itself evaluated.
 */
export function evaluateAdmission(
  resources: readonly K8sResource[],
  policy: AdmissionPolicyView,
  context: readonly K8sResource[] = [],
): Admission {
  const known = context.length ? [...context, ...resources] : resources;
  const namespaces = new Namespaces(known, policy.admission?.namespaces ?? {}, policy.charts);
  const settings = {
    kubernetesVersion: policy.kubernetesVersion ?? DEFAULT_KUBERNETES_VERSION,
    ruleSettings: policy.admissionRules ?? {},
  };
  const vap = evaluateAdmissionPolicies(resources, settings, namespaces, context);
  const psa = evaluatePodSecurityAdmission(
    resources,
    (name) => namespaces.labels(name),
    (resource) => namespaces.namespaceOf(resource),
    settings.kubernetesVersion,
  );
  return {
    findings: vap.findings,
    warnings: vap.warnings,
    merge: (ruleFindings) => [...mergePodSecurityFindings(ruleFindings, psa), ...vap.findings],
  };
}

/** Text in a manifest that may make admission read objects (admissionReadsObjects): a scan
 *  that sees none in its plain files frees their objects as it goes. A miss (an escaped key)
 *  only costs reading the files again once the parsed resources show it. */
export const MAY_READ_OBJECTS = /ValidatingAdmissionPolicyBinding|pod-security\.kubernetes\.io/;

/**
 * Whether admission reads more of `resources` than Namespaces and identities: a policy binding
 * (then every object goes through the policies) or a namespace whose labels set a Pod Security
 * level (then its workloads' pod templates are checked), in the tree, the `context` or the
 * policy's declared namespaces. Otherwise a scan may free the objects of checked resources.
 */
export function admissionReadsObjects(
  resources: readonly K8sResource[],
  policy: AdmissionPolicyView,
  context: readonly K8sResource[] = [],
): boolean {
  const declared = Object.values(policy.admission?.namespaces ?? {});
  if (declared.some(({ labels }) => podSecurityModes(labels).length > 0)) return true;
  const reads = (resource: K8sResource) =>
    resource.ref.kind === 'ValidatingAdmissionPolicyBinding' ||
    (resource.ref.kind === 'Namespace' && podSecurityModes(labelsOf(resource.object)).length > 0);
  return resources.some(reads) || context.some(reads);
}
