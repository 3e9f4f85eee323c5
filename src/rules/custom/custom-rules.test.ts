import { describe, expect, it } from 'vitest';
import { parsePolicyText, POLICY_KEYS } from '../../config/parse.js';
import { ConfigError } from '../../config/errors.js';
import { parseManifests } from '../../sources/manifests.js';
import { evaluateResources } from '../evaluate.js';
import { findRuleMeta } from '../index.js';
import type { Policy } from '../../config/policy.js';

const policyText = (rules: string) => `extends: []\ncustomRules:\n${rules}`;
const TEAM = `  - id: ACME001
    severity: medium
    title: Workloads must carry a team label
    match: { kinds: [Deployment] }
    expression: "has(object.metadata.labels) && 'team' in object.metadata.labels"
    message: add a team label
`;

function problems(text: string): string[] {
  try {
    parsePolicyText(text, 'policy.yaml', POLICY_KEYS);
  } catch (error) {
    if (error instanceof ConfigError) return error.message.split('\n');
    throw error;
  }
  return [];
}

function scan(policyYaml: string, manifests: string) {
  const doc = parsePolicyText(policyYaml, 'policy.yaml', POLICY_KEYS);
  const policy: Policy = {
    failOn: 'high',
    rules: new Map((doc.customRules ?? []).map((r) => [r.id, { severity: r.severity }])),
    paths: [],
    exclude: [],
    exceptions: [],
    requireReason: false,
    charts: new Map(),
    customRules: doc.customRules,
    kubernetesVersion: doc.kubernetesVersion,
  };
  const { resources } = parseManifests(manifests, { file: 'app.yaml' });
  return evaluateResources(resources, policy);
}

const deployment = (labels: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels:
${labels}
spec:
  template:
    spec:
      containers:
        - name: a
          image: nginx
          resources: { limits: { memory: 1Gi } }
        - name: b
          image: nginx
          resources: {}
`;

describe('custom rules', () => {
  it('are known to the registry once the policy declares them', () => {
    parsePolicyText(policyText(TEAM) + 'rules:\n  ACME001: low\n', 'policy.yaml', POLICY_KEYS);
    expect(findRuleMeta('ACME001')?.title).toBe('Workloads must carry a team label');
    expect(findRuleMeta('acme001')?.id).toBe('ACME001');
  });

  it('report a compile error at the expression file:line:column', () => {
    const bad = TEAM.replace("&& 'team'", "&& + 'team'");
    expect(problems(policyText(bad))).toEqual([
      'policy.yaml:7:49: customRules[0].expression: compilation failed: ERROR: <input>:1:32: Unexpected token: PLUS',
    ]);
    const block = TEAM.replace(
      /expression: .*\n/,
      "expression: |\n      has(object.metadata.labels) &&\n        object.metadata.labels.team.matches('(?=x)')\n",
    );
    expect(problems(policyText(block))[0]).toMatch(
      /^policy\.yaml:9:45: customRules\[0\]\.expression: compilation failed: ERROR: <input>:2:39: invalid regular expression/,
    );
  });

  it('reject builtin IDs, bad IDs, missing keys and unknown keys', () => {
    const out = problems(
      policyText(
        `  - id: KSV001\n    severity: high\n    title: t\n    expression: "true"\n  - id: lower\n    severity: nope\n    title: t\n    expression: "true"\n    colour: red\n`,
      ),
    );
    expect(out).toEqual([
      "policy.yaml:3: customRules[0].id: 'KSV001' is a builtin rule ID or alias",
      "policy.yaml:7: customRules[1].id: 'lower' must match ^[A-Z][A-Z0-9_-]*$",
      'policy.yaml:8: customRules[1].severity: must be one of critical, high, medium, low, info',
      'policy.yaml:11: customRules[1].colour: unknown key; known keys: id, severity, title, description, match, expression, message, messageExpression',
    ]);
  });

  it('find violations on the line a human fixes', () => {
    const findings = scan(
      policyText(
        TEAM +
          `  - id: ACME002
    severity: high
    title: Containers need a memory limit
    expression: "object.spec.template.spec.containers.all(c, has(c.resources.limits))"
    messageExpression: "'deployment ' + object.metadata.name + ' has a container without limits'"
`,
      ),
      deployment('    app: web'),
    );
    expect(findings.map((f) => [f.ruleId, f.line, f.severity, f.message])).toEqual([
      ['ACME001', 5, 'medium', 'add a team label'],
      ['ACME002', 14, 'high', 'deployment web has a container without limits'],
    ]);
  });

  it('pass compliant objects and skip other kinds', () => {
    expect(scan(policyText(TEAM), deployment('    team: payments'))).toEqual([]);
    expect(
      scan(policyText(TEAM), 'apiVersion: v1\nkind: Service\nmetadata: { name: s }\n'),
    ).toEqual([]);
  });

  it('see the Namespace of the object as namespaceObject (null without one)', () => {
    const rule = `  - id: ACME003
    severity: low
    title: Namespaced in a labelled namespace
    match: { kinds: [ConfigMap] }
    expression: "namespaceObject != null && namespaceObject.metadata.labels.env == 'prod'"
`;
    const manifests = `apiVersion: v1\nkind: Namespace\nmetadata: { name: a, labels: { env: prod } }\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: { name: c, namespace: a }\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: { name: d, namespace: b }\n`;
    const findings = scan(policyText(rule), manifests);
    expect(findings.map((f) => f.resource?.name)).toEqual(['d']);
  });

  it('fail closed when the expression errors or exceeds its cost', () => {
    const hostile = `  - id: ACME004
    severity: low
    title: Hostile
    expression: "lists.range(1000).all(a, lists.range(1000).all(b, a + b >= 0))"
`;
    const [finding] = scan(
      policyText(hostile),
      'apiVersion: v1\nkind: ConfigMap\nmetadata: { name: c }\n',
    );
    expect(finding?.message).toMatch(/^Hostile: the expression failed: .*cost limit/);
    expect(finding?.line).toBe(2);
  });

  it('compile against kubernetesVersion', () => {
    const rule = `  - id: ACME005\n    severity: low\n    title: t\n    expression: "object.all(k, v, true)"\n`;
    expect(problems(`kubernetesVersion: "1.32"\n` + policyText(rule))[0]).toMatch(
      /^policy\.yaml:7:\d+: customRules\[0\]\.expression: .*Kubernetes 1\.32/,
    );
    expect(problems(`kubernetesVersion: "1.33"\n` + policyText(rule))).toEqual([]);
    expect(problems(`kubernetesVersion: "latest"\n`)).toEqual([
      'policy.yaml:1: kubernetesVersion: "latest" is not a Kubernetes version like "1.34"',
    ]);
  });
});
