// The admission preview: what the API server's admission would say about a CREATE of each scanned object.
import type { Finding, ScanError } from '../../model.js';
import type { K8sResource } from '../../sources/resource.js';
import { DEFAULT_KUBERNETES_VERSION } from '../cel/environment.js';
import { evaluateAdmissionPolicies } from './validating-admission-policy.js';

/** What admission reads from the policy (structurally, the Policy's fields). */
export interface AdmissionPolicyView {
  kubernetesVersion?: string;
  admission?: { namespaces: Record<string, { labels: Record<string, string> }> };
}

export function evaluateAdmission(
  resources: readonly K8sResource[],
  policy: AdmissionPolicyView,
): { findings: Finding[]; warnings: ScanError[] } {
  const settings = {
    kubernetesVersion: policy.kubernetesVersion ?? DEFAULT_KUBERNETES_VERSION,
    namespaces: policy.admission?.namespaces ?? {},
  };
  return evaluateAdmissionPolicies(resources, settings);
}
