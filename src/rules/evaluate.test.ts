import { describe, expect, it } from 'vitest';
import { loadPolicy } from '../config/policy.js';
import { resourcesFromYaml } from '../../test/support/rules.js';
import { checksKind, evaluateResources, ResourceEvaluation } from './evaluate.js';
import { k8sRules } from './k8s/index.js';

// Everything an RBAC rule can flag, under every kind (and odd spellings of the kinds).
const PERMISSIVE_RULES = `rules:
  - apiGroups: ['*', '', 'rbac.authorization.k8s.io', 'networking.k8s.io', 'admissionregistration.k8s.io', 'apps', 'batch']
    resources: ['*', pods, pods/exec, pods/attach, pods/log, nodes/proxy, secrets, configmaps, roles, clusterroles, rolebindings, clusterrolebindings, networkpolicies, ingresses, services, deployments, mutatingwebhookconfigurations, validatingwebhookconfigurations, users, groups, serviceaccounts]
    resourceNames: ['*', aws-auth]
    verbs: ['*', create, update, patch, delete, deletecollection, get, list, watch, bind, escalate, impersonate]
  - apiGroups: ['*', 'rbac.authorization.k8s.io']
    resources: ['*', clusterroles, roles, pods]
    resourceNames: ['*']
    verbs: ['*', bind, get, create]
subjects:
  - kind: Group
    name: system:masters
  - kind: Group
    name: system:authenticated
  - kind: User
    name: system:anonymous
roleRef:
  kind: ClusterRole
  name: cluster-admin
`;
const RBAC_KINDS = [
  'Role',
  'ClusterRole',
  'RoleBinding',
  'ClusterRoleBinding',
  'role',
  'Clusterrole',
  'ClusterRolebinding',
  'Deployment',
  'ConfigMap',
];
// And what the other rules that declare kinds look for, also under other kinds.
const CONTENT = `data:
  password: hunter2
  config: "token=abc"
  username: admin
spec:
  externalIPs: [1.2.3.4]
  limits: []
`;
const OTHER_KINDS = ['ConfigMap', 'Service', 'LimitRange', 'ResourceQuota', 'configmap', 'Secret'];
const yaml = [
  ...RBAC_KINDS.map(
    (kind, i) => `kind: ${kind}\nmetadata:\n  name: r${i}\n  namespace: ns\n${PERMISSIVE_RULES}`,
  ),
  ...OTHER_KINDS.map(
    (kind, i) => `kind: ${kind}\nmetadata:\n  name: c${i}\n  namespace: ns\n${CONTENT}`,
  ),
]
  .map((document) => `apiVersion: v1\n${document}`)
  .join('---\n');

describe('evaluateResources', () => {
  it('calls a rule that declares `kinds` only for those kinds (its check does not test them)', () => {
    const resources = resourcesFromYaml(yaml);
    const declaring = k8sRules.filter((rule) => rule.kinds);
    expect(declaring.length).toBeGreaterThan(10);
    const policy = loadPolicy({ root: '/nonexistent', packs: ['trivy'] });
    const findings = evaluateResources(resources, policy);
    for (const rule of declaring) {
      if (!policy.rules.has(rule.meta.id)) continue;
      const flagged = findings.filter((finding) => finding.ruleId === rule.meta.id);
      const kinds = rule.kinds!.map((kind) => kind.toLowerCase());
      // Each rule finds something here, unless the manifests have none of its kinds.
      if (resources.some((resource) => kinds.includes(resource.ref.kind.toLowerCase()))) {
        expect(flagged.length, rule.meta.id).toBeGreaterThan(0);
      }
      for (const finding of flagged) {
        expect(kinds, rule.meta.id).toContain(finding.resource!.kind.toLowerCase());
      }
    }
  });

  it('finds what every enabled rule finds on its own, rule by rule in resource order', () => {
    const resources = resourcesFromYaml(
      `${yaml}---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      hostNetwork: true\n      containers:\n        - name: app\n          image: nginx:latest\n          securityContext:\n            privileged: true\n`,
    );
    const policy = loadPolicy({ root: '/nonexistent', packs: ['default'] });
    const expected: string[] = [];
    for (const rule of k8sRules) {
      const enabled = policy.rules.get(rule.meta.id);
      if (!enabled) continue;
      const options = { ...(rule.defaultOptions as object), ...enabled.options };
      for (const resource of resources.filter((r) => checksKind(rule, r.ref.kind))) {
        for (const violation of rule.check?.(resource, options) ?? []) {
          expected.push(`${rule.meta.id} ${resource.ref.name} ${violation.message}`);
        }
      }
      for (const { resource, message } of rule.checkAll?.(resources, options) ?? []) {
        expected.push(`${rule.meta.id} ${resource.ref.name} ${message}`);
      }
    }
    const findings = evaluateResources(resources, policy);
    expect(findings.map((f) => `${f.ruleId} ${f.resource?.name} ${f.message}`)).toEqual(expected);
    expect(new Set(findings.map((f) => f.ruleId)).size).toBeGreaterThan(15);
  });

  it('gives the same findings in the same order when the resources come in batches', () => {
    const resources = resourcesFromYaml(
      `${yaml}---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: app\n      image: nginx\n`,
    );
    const policy = loadPolicy({ root: '/nonexistent', packs: ['default', 'trivy'] });
    const whole = evaluateResources(resources, policy);
    const evaluation = new ResourceEvaluation(policy);
    evaluation.add(resources.slice(0, 5));
    evaluation.add([]);
    evaluation.add(resources.slice(5));
    const batched = evaluation.findings(resources);
    expect(whole.length).toBeGreaterThan(20);
    expect(batched).toEqual(whole);
    // Cross-resource rules run on the whole set, not only on what was added.
    const crossOnly = new ResourceEvaluation(policy).findings(resources);
    expect(crossOnly.length).toBeGreaterThan(0);
    expect(whole).toEqual(expect.arrayContaining(crossOnly));
  });
});
