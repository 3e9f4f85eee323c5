import { describe, expect, it } from 'vitest';
import { parseManifests } from '../../sources/manifests.js';
import { evaluateAdmission } from './index.js';

const admit = (text: string, kubernetesVersion?: string) => {
  const admission = evaluateAdmission(parseManifests(text, { file: 'app.yaml' }).resources, {
    kubernetesVersion,
  });
  return admission.merge([]);
};

/** A policy on Deployments (apps/v1) with the given spec lines after matchConstraints, and its binding. */
const policyAndBinding = (
  spec: string,
  actions = '[Deny]',
  rule = '',
) => `apiVersion: admissionregistration.k8s.io/v1
kind: ValidatingAdmissionPolicy
metadata: { name: p }
spec:
  matchConstraints:
${rule || '    resourceRules: [{ apiGroups: [apps], apiVersions: [v1], operations: [CREATE], resources: [deployments] }]'}
${spec}
---
apiVersion: admissionregistration.k8s.io/v1
kind: ValidatingAdmissionPolicyBinding
metadata: { name: b }
spec:
  policyName: p
  validationActions: ${actions}
---
`;
const deployment = (replicas: number, apiVersion = 'apps/v1') => `apiVersion: ${apiVersion}
kind: Deployment
metadata: { name: web, namespace: shop }
spec:
  replicas: ${replicas}
  template: { spec: { containers: [{ name: app, image: nginx:1.27 }] } }
---
`;

describe('authorizer offline', () => {
  it('is indeterminate (low), never a pass or a denial, when a check decides', () => {
    const findings = admit(
      policyAndBinding(`  validations:
    - expression: "authorizer.group('apps').resource('deployments').namespace(object.metadata.namespace).check('scale').allowed()"
    - expression: "authorizer.requestResource.check('create').allowed()"`) + deployment(3),
    );
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ ruleId: 'vap/p', severity: 'low', line: 19 });
    expect(findings[0]!.message).toBe(
      "ValidatingAdmissionPolicy 'p' with binding 'b' cannot be evaluated offline: it asks the cluster's authorizer whether the requesting user may scale apps/deployments in namespace 'shop', which only the API server can answer (it knows who sends the request and their RBAC permissions); make sure whoever applies this object has that permission",
    );
  });

  it('still decides what does not depend on the authorizer', () => {
    const spec = `  validations:
    - expression: "object.spec.replicas <= 5 || authorizer.serviceAccount('kube-system', 'scaler').group('apps').resource('deployments').check('update').allowed()"`;
    expect(admit(policyAndBinding(spec) + deployment(3))).toEqual([]);
    const [finding] = admit(policyAndBinding(spec) + deployment(8));
    expect(finding).toMatchObject({ severity: 'low' });
    expect(finding!.message).toContain(
      'whether service account kube-system/scaler may update apps/deployments',
    );
  });

  it('is indeterminate in a matchCondition too, and unknown before Kubernetes 1.28', () => {
    const spec = `  matchConditions:
    - { name: not-admin, expression: "!authorizer.path('/admin').check('get').allowed()" }
  validations:
    - expression: "false"`;
    expect(admit(policyAndBinding(spec) + deployment(3)).map((f) => f.severity)).toEqual(['low']);
    const [old] = admit(policyAndBinding(spec) + deployment(3), '1.27');
    expect(old!.message).toBe(
      "ValidatingAdmissionPolicy 'p' with binding 'b' cannot be applied, the API server rejects every request it matches: compilation failed: ERROR: <input>:1:2: undeclared reference to 'authorizer' (in container '') (not available to new expressions in Kubernetes 1.27: a library of a later release; see kubernetesVersion)\n | !authorizer.path('/admin').check('get').allowed()\n | .^",
    );
  });
});

describe('compile errors', () => {
  it("read as the API server's: cel-go's shape with the line, column and a caret", () => {
    const [finding] = admit(
      policyAndBinding(`  validations:
    - expression: |
        object.spec.replicas <= 5 &&
          object.spec.template.spec.containers.all(c, has(c.imag)) && replicaz > 1`) +
        deployment(3),
    );
    expect(finding!.message.split('\n')).toEqual([
      "ValidatingAdmissionPolicy 'p' with binding 'b' cannot be applied, the API server rejects every request it matches: compilation failed: ERROR: <input>:2:63: undeclared reference to 'replicaz' (in container '')",
      ' |   object.spec.template.spec.containers.all(c, has(c.imag)) && replicaz > 1',
      ' | ' + '.'.repeat(62) + '^',
    ]);
  });
});
