// The admission figure: custom rules and a ValidatingAdmissionPolicy over the synthetic workloads, in CEL
// expression evaluations per second (each custom rule's expression per matching object, each validation
// per object the binding matches).
import type { Policy } from '../src/config/policy.js';
import { evaluateAdmission } from '../src/rules/admission/index.js';
import { evaluateResources } from '../src/rules/evaluate.js';
import type { CustomRuleDefinition } from '../src/rules/custom/custom-rules.js';
import { parseManifests } from '../src/sources/manifests.js';
import type { K8sResource } from '../src/sources/resource.js';

const WORKLOADS = ['Deployment', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob', 'Pod', 'ReplicaSet'];
const rule = (id: string, expression: string): CustomRuleDefinition => ({
  id,
  severity: 'medium',
  title: id,
  kinds: WORKLOADS,
  expression,
  file: 'bench',
  line: 1,
});
export const CUSTOM_RULES: CustomRuleDefinition[] = [
  rule('BENCH001', "has(object.metadata.labels) && 'app' in object.metadata.labels"),
  rule(
    'BENCH002',
    "object.metadata.name.matches('^[a-z0-9-]+$') && size(object.metadata.name) <= 63",
  ),
  rule('BENCH003', "!has(object.metadata.namespace) || object.metadata.namespace != 'kube-system'"),
];

const VAP = `apiVersion: admissionregistration.k8s.io/v1
kind: ValidatingAdmissionPolicy
metadata: { name: bench-policy }
spec:
  matchConstraints:
    resourceRules:
      - { apiGroups: [apps], apiVersions: [v1], operations: [CREATE], resources: [deployments, statefulsets, replicasets, daemonsets] }
  validations:
    - expression: "!has(object.spec.replicas) || object.spec.replicas <= 50"
    - expression: "object.metadata.name.size() < 100"
---
apiVersion: admissionregistration.k8s.io/v1
kind: ValidatingAdmissionPolicyBinding
metadata: { name: bench-binding }
spec:
  policyName: bench-policy
  validationActions: [Deny]
`;
const VAP_KINDS = new Set(['Deployment', 'StatefulSet', 'ReplicaSet', 'DaemonSet']);

export function admissionPolicy(): Policy {
  return {
    failOn: 'high',
    rules: new Map(CUSTOM_RULES.map((r) => [r.id, { severity: r.severity }])),
    paths: [],
    exclude: [],
    exceptions: [],
    requireReason: false,
    charts: new Map(),
    customRules: CUSTOM_RULES,
  };
}

export function vapResources(): K8sResource[] {
  return parseManifests(VAP, { file: 'bench/vap.yaml' }).resources;
}

/** One pass: custom rules and the VAP; returns the number of expression evaluations it made. */
export function evaluateCustomAndAdmission(
  resources: readonly K8sResource[],
  policy: Policy,
  vap: readonly K8sResource[],
): number {
  evaluateResources(resources, policy);
  evaluateAdmission(resources, policy, vap);
  let evaluations = 0;
  for (const r of resources) {
    if (WORKLOADS.includes(r.ref.kind)) evaluations += CUSTOM_RULES.length;
    if (VAP_KINDS.has(r.ref.kind)) evaluations += 2;
  }
  return evaluations;
}
