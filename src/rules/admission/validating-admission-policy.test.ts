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

  it('is not declared for messageExpression, as in the API server', () => {
    const [finding] = admit(
      policyAndBinding(`  validations:
    - expression: "false"
      messageExpression: "string(authorizer.requestResource.check('create').allowed())"`) +
        deployment(3),
    );
    expect(finding!.message).toContain(
      "compilation failed: ERROR: <input>:1:8: undeclared reference to 'authorizer' (in container '')",
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

describe("cel-go's words for compile errors", () => {
  it.each([
    [
      "object.metadata.name.startWith('x')",
      "ERROR: <input>:1:31: undeclared reference to 'startWith' (in container '')",
      '.'.repeat(30),
    ],
    [
      "'web'.startsWith(1)",
      "ERROR: <input>:1:17: found no matching overload for 'startsWith' applied to 'string.(int)'",
      '.'.repeat(16),
    ],
    [
      "size(object.spec.replicas) + 'a'",
      "ERROR: <input>:1:28: found no matching overload for '_+_' applied to '(int, string)'",
      '.'.repeat(27),
    ],
    [
      "[1] + 'a' == []",
      "ERROR: <input>:1:5: found no matching overload for '_+_' applied to '(list(int), string)'",
      '....',
    ],
  ])('%s', (expression, head, dots) => {
    const [finding] = admit(
      policyAndBinding(`  validations:\n    - expression: ${JSON.stringify(expression)}`) +
        deployment(1),
    );
    expect(finding!.message.split('compilation failed: ')[1]).toBe(
      `${head}\n | ${expression}\n | ${dots}^`,
    );
  });
});

describe('audit annotations', () => {
  const annotated = (annotations: string, actions = '[Deny]', failurePolicy = 'Fail') =>
    admit(
      policyAndBinding(
        `  failurePolicy: ${failurePolicy}
  validations:
    - expression: "object.spec.replicas <= 5"
      message: too many replicas
  auditAnnotations:
${annotations}`,
        actions,
      ) + deployment(8),
    );

  it('are an info finding with the API server keys <policy>/<key>, beside the decision', () => {
    const findings =
      annotated(`    - { key: replicas, valueExpression: "'  ' + string(object.spec.replicas) + ' '" }
    - { key: none, valueExpression: "null" }
    - { key: blank, valueExpression: "'   '" }`);
    expect(findings.map((f) => [f.severity, f.message])).toEqual([
      ['high', "ValidatingAdmissionPolicy 'p' with binding 'b' denied request: too many replicas"],
      ['info', "ValidatingAdmissionPolicy 'p' records audit annotations: p/replicas: 8"],
    ]);
    expect(findings[1]!.auditAnnotations).toEqual({ 'p/replicas': '8' });
    expect(findings[1]!.fingerprint).not.toBe(findings[0]!.fingerprint);
  });

  it('join the distinct values of several bindings and cut a value at 10 KiB', () => {
    // 16 KiB: a 64-character literal doubled eight times through variables.
    const doubling = Array.from(
      { length: 8 },
      (_, i) => `    - { name: v${i + 1}, expression: "variables.v${i} + variables.v${i}" }`,
    ).join('\n');
    const text =
      policyAndBinding(`  variables:
    - { name: v0, expression: "'${'0123456789abcdef'.repeat(4)}'" }
${doubling}
  validations:
    - expression: "true"
  auditAnnotations:
    - { key: size, valueExpression: "variables.v8" }
    - { key: action, valueExpression: "'same'" }`) +
      `apiVersion: admissionregistration.k8s.io/v1
kind: ValidatingAdmissionPolicyBinding
metadata: { name: b2 }
spec: { policyName: p, validationActions: [Warn] }
---
` +
      deployment(1);
    const findings = admit(text);
    expect(findings).toHaveLength(1);
    expect(findings[0]!.auditAnnotations!['p/action']).toBe('same');
    expect(findings[0]!.auditAnnotations!['p/size']).toHaveLength(10 * 1024);
  });

  it('join the distinct values that several params produce with ", "', () => {
    const text = policyAndBinding(`  paramKind: { apiVersion: v1, kind: ConfigMap }
  validations:
    - expression: "true"
  auditAnnotations:
    - { key: team, valueExpression: "params.data.team" }`).replace(
      '  validationActions: [Deny]',
      '  validationActions: [Deny]\n  paramRef: { selector: {}, parameterNotFoundAction: Deny }',
    );
    const params = ['a', 'b', 'a']
      .map(
        (team, i) =>
          `apiVersion: v1\nkind: ConfigMap\nmetadata: { name: c${i}, namespace: shop }\ndata: { team: ${team} }\n---\n`,
      )
      .join('');
    const [finding] = admit(text + params + deployment(1));
    expect(finding!.auditAnnotations).toEqual({ 'p/team': 'a, b' });
  });

  it('deny under failurePolicy Fail when a value is not a string or fails, whatever the actions', () => {
    const findings = annotated(
      `    - { key: count, valueExpression: "object.spec.replicas" }`,
      '[Warn]',
    );
    expect(findings.map((f) => [f.severity, f.message])).toEqual([
      [
        'medium',
        "Validation failed for ValidatingAdmissionPolicy 'p' with binding 'b': too many replicas",
      ],
      [
        'high',
        "ValidatingAdmissionPolicy 'p' with binding 'b' denied request: valueExpression 'object.spec.replicas' resulted in unsupported return type: int. Return type must be either string or null.",
      ],
    ]);
    const failed = annotated(
      `    - { key: missing, valueExpression: "object.spec.nope" }`,
      '[Audit]',
    );
    expect(failed[1]!.message).toBe(
      "ValidatingAdmissionPolicy 'p' with binding 'b' denied request: expression 'object.spec.nope' resulted in error: no such key: nope",
    );
    expect(
      annotated(`    - { key: missing, valueExpression: "object.spec.nope" }`, '[Deny]', 'Ignore'),
    ).toHaveLength(1);
  });

  it('record a failed validation of an Audit binding as validation_failure', () => {
    const [finding] = annotated(`    - { key: none, valueExpression: "null" }`, '[Audit]');
    expect(finding!.severity).toBe('low');
    expect(finding!.auditAnnotations).toEqual({
      'validation.policy.admission.k8s.io/validation_failure':
        '[{"message":"too many replicas","policy":"p","binding":"b","expressionIndex":0,"validationActions":["Audit"]}]',
    });
  });

  it('make a policy with an invalid or repeated key misconfigured, as the API server refuses it', () => {
    const [bad] = annotated(`    - { key: "bad key", valueExpression: "'x'" }`);
    expect(bad!.message).toContain(
      'spec.auditAnnotations[0].key: Invalid value: "bad key": must be a qualified name',
    );
    const [twice] = annotated(`    - { key: k, valueExpression: "'x'" }
    - { key: k, valueExpression: "'y'" }`);
    expect(twice!.message).toContain('spec.auditAnnotations[1].key: Duplicate value: "k"');
  });
});

describe('matchPolicy', () => {
  const rule = (group: string, version: string, resource: string, policy = '') =>
    `    resourceRules: [{ apiGroups: ["${group}"], apiVersions: [${version}], operations: [CREATE], resources: [${resource}] }]${policy ? `\n    matchPolicy: ${policy}` : ''}`;
  // Denies with what the policy saw: the kind the request was matched as and the object's apiVersion.
  const seen = `  validations:
    - expression: "false"
      messageExpression: "request.kind.group + '/' + request.kind.version + ' ' + request.resource.resource + ' ' + object.apiVersion + ' from ' + request.requestKind.group + '/' + request.requestKind.version"`;
  const denials = (text: string, version: string) =>
    admit(text, version).map((f) => f.message.replace(/^.*denied request: /, ''));

  it('Equivalent matches the same resource in another group or version the release serves', () => {
    const extensions = policyAndBinding(
      seen,
      '[Deny]',
      rule('extensions', 'v1beta1', 'deployments'),
    );
    expect(denials(extensions + deployment(1), '1.15')).toEqual([
      'extensions/v1beta1 deployments extensions/v1beta1 from apps/v1',
    ]);
    // Not served since 1.16: nothing is equivalent there.
    expect(denials(extensions + deployment(1), '1.35')).toEqual([]);
    const ingresses = policyAndBinding(seen, '[Deny]', rule('extensions', 'v1beta1', 'ingresses'));
    const ingress = `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: { name: web, namespace: shop }
spec: { defaultBackend: { service: { name: web, port: { number: 80 } } } }
`;
    expect(denials(ingresses + ingress, '1.21')).toEqual([
      'extensions/v1beta1 ingresses extensions/v1beta1 from networking.k8s.io/v1',
    ]);
    expect(denials(ingresses + ingress, '1.22')).toEqual([]);
    const hpa = `apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: { name: web, namespace: shop }
spec: { maxReplicas: 3, scaleTargetRef: { apiVersion: apps/v1, kind: Deployment, name: web } }
`;
    expect(
      denials(
        policyAndBinding(seen, '[Deny]', rule('autoscaling', 'v1', 'horizontalpodautoscalers')) +
          hpa,
        '1.35',
      ),
    ).toEqual(['autoscaling/v1 horizontalpodautoscalers autoscaling/v1 from autoscaling/v2']);
  });

  it('Exact matches only the resource as sent, and Equivalent no longer ignores the version', () => {
    const exact = policyAndBinding(
      seen,
      '[Deny]',
      rule('extensions', 'v1beta1', 'deployments', 'Exact'),
    );
    expect(denials(exact + deployment(1), '1.15')).toEqual([]);
    const v1beta1 = policyAndBinding(seen, '[Deny]', rule('apps', 'v1beta1', 'deployments'));
    expect(denials(v1beta1 + deployment(1), '1.35')).toEqual([]);
    expect(denials(v1beta1 + deployment(1), '1.15')).toEqual([
      'apps/v1beta1 deployments apps/v1beta1 from apps/v1',
    ]);
    const own = policyAndBinding(seen, '[Deny]', rule('apps', 'v1', 'deployments', 'Exact'));
    expect(denials(own + deployment(1), '1.35')).toEqual([
      'apps/v1 deployments apps/v1 from apps/v1',
    ]);
  });

  it('Equivalent matches the other served versions of a CRD in the tree, and excludes alike', () => {
    const crd = `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata: { name: widgets.example.com }
spec:
  group: example.com
  names: { kind: Widget, plural: widgets }
  scope: Namespaced
  versions:
    - { name: v1, served: true, storage: true }
    - { name: v1beta1, served: true, storage: false }
    - { name: v1alpha1, served: false, storage: false }
---
apiVersion: example.com/v1
kind: Widget
metadata: { name: w, namespace: shop }
---
`;
    const on = (version: string, policy = '') =>
      denials(
        policyAndBinding(seen, '[Deny]', rule('example.com', version, 'widgets', policy)) + crd,
        '1.35',
      );
    expect(on('v1beta1')).toEqual([
      'example.com/v1beta1 widgets example.com/v1beta1 from example.com/v1',
    ]);
    expect(on('v1beta1', 'Exact')).toEqual([]);
    expect(on('v1alpha1')).toEqual([]);
    const excluded = policyAndBinding(
      seen,
      '[Deny]',
      `${rule('example.com', 'v1', 'widgets')}
    excludeResourceRules: [{ apiGroups: [example.com], apiVersions: [v1beta1], operations: [CREATE], resources: [widgets] }]`,
    );
    expect(denials(excluded + crd, '1.35')).toEqual([]);
  });
});

describe('policies read from the live cluster', () => {
  const broken = policyAndBinding(`  validations:
    - expression: "object.spec.replicas <= replicaz"`);
  const fromCluster = (text: string) =>
    parseManifests(text, { file: '(cluster)/ValidatingAdmissionPolicy/p' }).resources;

  it('deny the objects in the repository on their lines; a broken cluster policy is a warning with no line', () => {
    const repository = parseManifests(deployment(3), { file: 'deploy/web.yaml' }).resources;
    const admission = evaluateAdmission(repository, {}, fromCluster(broken));
    expect(admission.merge([]).map((f) => [f.file, f.line, f.severity])).toEqual([
      ['deploy/web.yaml', 2, 'high'],
    ]);
    expect(admission.warnings).toEqual([
      {
        file: '(cluster)',
        level: 'warning',
        message: expect.stringMatching(
          /^the cluster's ValidatingAdmissionPolicy 'p' with binding 'b' cannot be applied, the API server rejects every request it matches: compilation failed: ERROR: <input>:1:25: undeclared reference to 'replicaz'/,
        ),
      },
    ]);
    const orphan = evaluateAdmission(
      repository,
      {},
      fromCluster(broken.slice(broken.indexOf('---\n') + 4)),
    );
    expect(orphan.warnings).toEqual([
      {
        file: '(cluster)',
        level: 'warning',
        message:
          "ValidatingAdmissionPolicyBinding 'b': policy 'p' is not in the scanned files; the binding has no effect",
      },
    ]);
  });

  it('a repository file that only looks like the cluster stays a finding on its line', () => {
    const admission = evaluateAdmission(
      parseManifests(broken + deployment(3), { file: '(cluster)/ValidatingAdmissionPolicy/p' })
        .resources,
      {},
    );
    expect(admission.warnings).toEqual([]);
    expect(admission.merge([]).map((f) => [f.file, f.line])).toEqual([
      ['(cluster)/ValidatingAdmissionPolicy/p', 8],
      ['(cluster)/ValidatingAdmissionPolicy/p', 18],
    ]);
  });
});
