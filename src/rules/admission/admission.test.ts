import { describe, expect, it } from 'vitest';
import { parseManifests } from '../../sources/manifests.js';
import { admissionReadsObjects, evaluateAdmission } from './index.js';
import { withApiServerDefaults } from './defaults.js';
import { selectorMatches } from './selectors.js';
import { podSecurityModes } from './pod-security-admission.js';

const resources = (text: string) => parseManifests(text, { file: 'app.yaml' }).resources;
const admit = (
  text: string,
  namespaces: Record<string, { labels: Record<string, string> }> = {},
) => {
  const admission = evaluateAdmission(resources(text), { admission: { namespaces } });
  return { findings: admission.merge([]), warnings: admission.warnings };
};

const policy = (
  rules: string,
  validation: string,
  extra = '',
) => `apiVersion: admissionregistration.k8s.io/v1
kind: ValidatingAdmissionPolicy
metadata: { name: p }
spec:
  matchConstraints:
    resourceRules:
${rules}
  validations:
${validation}
${extra}---
`;
const DEPLOYMENTS_RULE = `      - { apiGroups: [apps], apiVersions: [v1], operations: [CREATE], resources: [deployments] }`;
const PODS_RULE = `      - { apiGroups: [""], apiVersions: [v1], operations: [CREATE], resources: [pods] }`;
const binding = (actions: string, extra = '') => `apiVersion: admissionregistration.k8s.io/v1
kind: ValidatingAdmissionPolicyBinding
metadata: { name: b }
spec:
  policyName: p
  validationActions: ${actions}
${extra}---
`;
const deployment = (name: string, ns: string, replicas?: number) => `apiVersion: apps/v1
kind: Deployment
metadata: { name: ${name}, namespace: ${ns}, labels: { app: ${name} } }
spec:
${replicas === undefined ? '' : `  replicas: ${replicas}\n`}  template:
    spec:
      containers:
        - name: app
          image: nginx:1.27
---
`;

describe('label selectors', () => {
  it('match labels and expressions', () => {
    const labels = { env: 'prod', team: 'a' };
    expect(selectorMatches({ matchLabels: { env: 'prod' } }, labels)).toBe(true);
    expect(
      selectorMatches(
        { matchExpressions: [{ key: 'env', operator: 'NotIn', values: ['prod'] }] },
        labels,
      ),
    ).toBe(false);
    expect(
      selectorMatches({ matchExpressions: [{ key: 'x', operator: 'DoesNotExist' }] }, labels),
    ).toBe(true);
    expect(selectorMatches({ matchExpressions: [{ key: 'env', operator: 'Bogus' }] }, labels)).toBe(
      false,
    );
  });
});

describe('API server defaults', () => {
  it('fill replicas, Service type and port protocols on a copy', () => {
    const source = { kind: 'Service', metadata: { name: 's' }, spec: { ports: [{ port: 80 }] } };
    const defaulted = withApiServerDefaults(source, 'default');
    expect(defaulted).toMatchObject({
      metadata: { namespace: 'default' },
      spec: { type: 'ClusterIP', ports: [{ port: 80, protocol: 'TCP', targetPort: 80 }] },
    });
    expect(source.spec).toEqual({ ports: [{ port: 80 }] });
    expect(withApiServerDefaults({ kind: 'Deployment', spec: {} }, 'x').spec).toMatchObject({
      replicas: 1,
    });
  });
});

describe('ValidatingAdmissionPolicy', () => {
  const limit = `    - expression: "object.spec.replicas <= 2"\n      message: too many replicas\n`;

  it('reads defaulted replicas and reports with the action severity', () => {
    const text =
      policy(DEPLOYMENTS_RULE, `    - expression: "object.spec.replicas == 1"\n`) +
      binding('[Warn]') +
      deployment('a', 'default') +
      deployment('b', 'default', 3);
    const { findings } = admit(text);
    expect(findings.map((f) => [f.ruleId, f.resource?.name, f.severity, f.message])).toEqual([
      [
        'vap/p',
        'b',
        'medium',
        "Validation failed for ValidatingAdmissionPolicy 'p' with binding 'b': failed expression: object.spec.replicas == 1",
      ],
    ]);
  });

  it('does not fire a pods policy on a Deployment', () => {
    expect(
      admit(policy(PODS_RULE, limit) + binding('[Deny]') + deployment('a', 'default', 5)).findings,
    ).toEqual([]);
  });

  it('honours excludeResourceRules and objectSelector', () => {
    const exclude = `  matchResources:\n    objectSelector: { matchLabels: { app: a } }\n`;
    const text =
      policy(DEPLOYMENTS_RULE, limit) +
      binding('[Deny]', exclude) +
      deployment('a', 'default', 5) +
      deployment('b', 'default', 5);
    expect(admit(text).findings.map((f) => f.resource?.name)).toEqual(['a']);
  });

  it('is indeterminate, never silent, for a namespace the repository does not define', () => {
    const selector = `  matchResources:\n    namespaceSelector: { matchLabels: { env: prod } }\n`;
    const text =
      policy(DEPLOYMENTS_RULE, limit) +
      binding('[Deny]', selector) +
      deployment('a', 'payments', 5);
    const [finding] = admit(text).findings;
    expect(finding?.severity).toBe('low');
    expect(finding?.message).toMatch(
      /cannot be evaluated offline: its namespaceSelector needs namespace 'payments'.*admission: \{ namespaces: \{ payments:/,
    );
    expect(
      admit(text, { payments: { labels: { env: 'prod' } } }).findings.map((f) => f.severity),
    ).toEqual(['high']);
    expect(admit(text, { payments: { labels: { env: 'dev' } } }).findings).toEqual([]);
  });

  it('warns about a binding whose policy is not in the scanned files', () => {
    const { warnings, findings } = admit(binding('[Deny]') + deployment('a', 'default', 5));
    expect(findings).toEqual([]);
    expect(warnings[0]?.message).toBe(
      "ValidatingAdmissionPolicyBinding 'b': policy 'p' is not in the scanned files; the binding has no effect",
    );
  });

  it('has no effect without a binding', () => {
    expect(admit(policy(DEPLOYMENTS_RULE, limit) + deployment('a', 'default', 5)).findings).toEqual(
      [],
    );
  });

  it('evaluates every param a selector finds', () => {
    const params = `apiVersion: example.com/v1\nkind: Limit\nmetadata: { name: l1, labels: { use: yes } }\nmax: 4\n---\napiVersion: example.com/v1\nkind: Limit\nmetadata: { name: l2, labels: { use: yes } }\nmax: 2\n---\n`;
    const text =
      policy(
        DEPLOYMENTS_RULE,
        `    - expression: "object.spec.replicas <= params.max"\n`,
        '  paramKind: { apiVersion: example.com/v1, kind: Limit }\n',
      ) +
      binding(
        '[Deny]',
        '  paramRef:\n    selector: { matchLabels: { use: "yes" } }\n    parameterNotFoundAction: Deny\n',
      ) +
      params +
      deployment('a', 'default', 3);
    expect(admit(text).findings).toHaveLength(1);
  });

  it('turns a runtime error into a denial under failurePolicy Fail and skips it under Ignore', () => {
    const bad = `    - expression: "object.spec.nope > 1"\n`;
    const fail = admit(
      policy(DEPLOYMENTS_RULE, bad) + binding('[Deny]') + deployment('a', 'default'),
    );
    expect(fail.findings[0]?.message).toBe(
      "ValidatingAdmissionPolicy 'p' with binding 'b' denied request: expression 'object.spec.nope > 1' resulted in error: no such key: nope",
    );
    const ignore = policy(DEPLOYMENTS_RULE, bad).replace(
      'spec:\n',
      'spec:\n  failurePolicy: Ignore\n',
    );
    expect(admit(ignore + binding('[Deny]') + deployment('a', 'default')).findings).toEqual([]);
  });
});

describe('Pod Security Admission', () => {
  const ns = (labels: string) =>
    `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: apps\n  labels:\n${labels}---\n`;
  const pod = `apiVersion: v1\nkind: Pod\nmetadata: { name: web, namespace: apps }\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      securityContext: { privileged: true }\n---\n`;

  it('reads the mode labels', () => {
    expect(
      podSecurityModes({
        'pod-security.kubernetes.io/enforce': 'baseline',
        'pod-security.kubernetes.io/enforce-version': 'v1.30',
        'pod-security.kubernetes.io/warn': 'restricted',
      }),
    ).toEqual([
      { mode: 'enforce', level: 'baseline', version: 'v1.30' },
      { mode: 'warn', level: 'restricted', version: 'latest' },
    ]);
  });

  it('rejects a Pod under enforce, with no warnings for the restricted-only controls', () => {
    const { findings } = admit(
      ns(
        '    pod-security.kubernetes.io/enforce: baseline\n    pod-security.kubernetes.io/warn: restricted\n',
      ) + pod,
    );
    const privileged = findings.find((f) => f.ruleId === 'KSV017');
    expect(privileged?.severity).toBe('high');
    expect(privileged?.message).toMatch(
      /^pods "web" is forbidden: violates PodSecurity "baseline:latest": /,
    );
    // The API server adds no warnings to a request it rejects.
    expect(findings.filter((f) => f.severity === 'medium')).toEqual([]);
  });

  it('admits a workload with a warning while its Pods would be rejected', () => {
    const workload = deployment('web', 'apps').replace(
      'image: nginx:1.27',
      'image: nginx:1.27\n          securityContext: { privileged: true }',
    );
    const { findings } = admit(ns('    pod-security.kubernetes.io/enforce: baseline\n') + workload);
    expect(findings.find((f) => f.ruleId === 'KSV017')?.message).toMatch(
      /^Deployment "web" is admitted with a warning \(PodSecurity enforces on Pods, not on workloads\), but its Pods would be rejected in namespace 'apps': would violate PodSecurity "baseline:latest": /,
    );
  });

  it('applies to namespaces declared in the policy file and ignores unlabelled ones', () => {
    expect(
      admit(pod, {
        apps: { labels: { 'pod-security.kubernetes.io/audit': 'baseline' } },
      }).findings.every((f) => f.severity === 'low'),
    ).toBe(true);
    expect(admit(pod).findings).toEqual([]);
  });
});

describe('Pod Security Admission beside the packs', () => {
  it('keeps the higher severity of a pack finding it replaces', async () => {
    const { mergePodSecurityFindings } = await import('./pod-security-admission.js');
    const base = {
      ruleId: 'KPG110',
      aliases: [],
      title: 't',
      file: 'a.yaml',
      line: 3,
      source: 'manifest' as const,
      fingerprint: 'f',
    };
    const merged = mergePodSecurityFindings(
      [{ ...base, severity: 'high', message: 'pack' }],
      [{ ...base, severity: 'medium', message: 'Warning: would violate PodSecurity' }],
    );
    expect(merged).toEqual([
      { ...base, severity: 'high', message: 'Warning: would violate PodSecurity' },
    ]);
  });
});

describe('vap/<policy> in rules:', () => {
  const text = `apiVersion: admissionregistration.k8s.io/v1
kind: ValidatingAdmissionPolicy
metadata: { name: p }
spec:
  matchConstraints:
    resourceRules:
      - { apiGroups: [apps], apiVersions: [v1], operations: [CREATE], resources: [deployments] }
  validations:
    - expression: "object.spec.replicas <= 2"
---
apiVersion: admissionregistration.k8s.io/v1
kind: ValidatingAdmissionPolicyBinding
metadata: { name: b }
spec:
  policyName: p
  validationActions: [Deny]
---
apiVersion: apps/v1
kind: Deployment
metadata: { name: a }
spec: { replicas: 5 }
`;
  it('overrides the severity or turns the policy off', () => {
    const run = (admissionRules: Record<string, 'low' | 'off'>) =>
      evaluateAdmission(resources(text), { admissionRules })
        .merge([])
        .map((f) => f.severity);
    expect(run({})).toEqual(['high']);
    expect(run({ 'vap/p': 'low' })).toEqual(['low']);
    expect(run({ 'vap/p': 'off' })).toEqual([]);
  });

  it('are accepted by the policy file, in rules: and ignore:', async () => {
    const { parsePolicyText, POLICY_KEYS } = await import('../../config/parse.js');
    const doc = parsePolicyText(
      'rules:\n  vap/p: low\nignore:\n  - id: vap/p\n    reason: r\n',
      'p.yaml',
      POLICY_KEYS,
    );
    expect([...doc.rules.keys()]).toEqual(['vap/p']);
    expect([...(doc.ignore[0]?.ruleIds ?? [])]).toEqual(['vap/p']);
  });
});

describe('what admission reads', () => {
  const workload =
    'apiVersion: v1\nkind: Pod\nmetadata: { name: p, namespace: a }\nspec: { containers: [] }\n';
  it('only identities without a binding or a Pod Security label', () => {
    const namespace =
      'apiVersion: v1\nkind: Namespace\nmetadata: { name: a, labels: { team: x } }\n';
    expect(admissionReadsObjects(resources(`${workload}---\n${namespace}`), {})).toBe(false);
  });
  it('whole objects with a binding, in the tree or the context', () => {
    const binding =
      'apiVersion: admissionregistration.k8s.io/v1\nkind: ValidatingAdmissionPolicyBinding\nmetadata: { name: b }\nspec: { policyName: p }\n';
    expect(admissionReadsObjects(resources(`${workload}---\n${binding}`), {})).toBe(true);
    expect(admissionReadsObjects(resources(workload), {}, resources(binding))).toBe(true);
  });
  it('whole objects with a Pod Security label on a Namespace or in the policy', () => {
    const labelled =
      'apiVersion: v1\nkind: Namespace\nmetadata: { name: a, labels: { pod-security.kubernetes.io/warn: baseline } }\n';
    expect(admissionReadsObjects(resources(`${workload}---\n${labelled}`), {})).toBe(true);
    const declared = { a: { labels: { 'pod-security.kubernetes.io/enforce': 'restricted' } } };
    expect(
      admissionReadsObjects(resources(workload), { admission: { namespaces: declared } }),
    ).toBe(true);
  });
});
