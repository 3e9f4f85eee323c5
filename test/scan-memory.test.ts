// The scan frees the objects of plain manifests once their rules' `check` has run, when nothing
// after reads them (docs/performance.md). What reads them later must still see them whole: a
// Pod Security label or a policy binding found in a later file, annotation exceptions, the
// cross-resource rules' positions.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadPolicy } from '../src/config/policy.js';
import type { Finding } from '../src/model.js';
import { sortFindings } from '../src/gate.js';
import { scan } from '../src/scan.js';

const deployment = (name: string, extra = '') => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
  namespace: shop
${extra}spec:
  replicas: 3
  template:
    spec:
      hostPID: true
      containers:
        - name: app
          image: nginx:1.27
`;

const roots: string[] = [];
function repository(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(tmpdir(), 'kpg-scan-memory-'));
  roots.push(root);
  for (const [file, text] of Object.entries(files)) writeFileSync(path.join(root, file), text);
  return root;
}
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});
const run = (root: string) => scan({ root, paths: [], policy: loadPolicy({ root }) });

describe('objects freed after their checks', () => {
  it('are read again when a later file labels their namespace for Pod Security', async () => {
    const root = repository({
      'a.yaml': deployment('web'),
      'z.yaml':
        'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n  labels:\n    pod-security.kubernetes.io/enforce: baseline\n',
    });
    const { findings } = await run(root);
    expect(
      findings.some((f) => f.file === 'a.yaml' && f.message.includes('PodSecurity "baseline')),
    ).toBe(true);
  });

  it('are read again when the label is spelled so that the text check misses it', async () => {
    // `\x2E` is a dot in a double-quoted YAML key: the files' text names no Pod Security label,
    // so objects are freed, and the parsed Namespace then has the scan read them again.
    const root = repository({
      'a.yaml': deployment('web'),
      'z.yaml':
        'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n  labels:\n    "pod-security\\x2Ekubernetes\\x2Eio/enforce": baseline\n',
    });
    const { findings } = await run(root);
    expect(
      findings.some((f) => f.file === 'a.yaml' && f.message.includes('PodSecurity "baseline')),
    ).toBe(true);
  });

  it('are read again when a later file binds an admission policy', async () => {
    const root = repository({
      'a.yaml': deployment('web'),
      'z.yaml': `apiVersion: admissionregistration.k8s.io/v1
kind: ValidatingAdmissionPolicy
metadata: { name: replicas }
spec:
  matchConstraints:
    resourceRules:
      - { apiGroups: [apps], apiVersions: [v1], operations: [CREATE], resources: [deployments] }
  validations:
    - { expression: 'object.spec.replicas <= 2', message: too many replicas }
---
apiVersion: admissionregistration.k8s.io/v1
kind: ValidatingAdmissionPolicyBinding
metadata: { name: replicas }
spec: { policyName: replicas, validationActions: [Deny] }
`,
    });
    const { findings } = await run(root);
    expect(findings.filter((f) => f.ruleId === 'vap/replicas').map((f) => f.file)).toEqual([
      'a.yaml',
    ]);
  });

  it('keep the annotation exceptions and the positions cross-resource findings use', async () => {
    const ignored =
      '  annotations:\n    kube-policy-gate.io/ignore: "*"\n    kube-policy-gate.io/ignore-reason: by design\n';
    const root = repository({
      'a.yaml': `${deployment('web')}---\n${deployment('api', ignored)}`,
    });
    const { findings, suppressed } = await run(root);
    expect(findings.some((f) => f.resource?.name === 'api')).toBe(false);
    expect(suppressed.some((f) => f.resource?.name === 'api')).toBe(true);
    const network = findings.find((f) => f.ruleId === 'KPG203');
    expect(network).toMatchObject({ file: 'a.yaml', line: 5, resource: { name: 'web' } });
  });
});

describe('sortFindings', () => {
  const finding = (line: number, fingerprint: string, message = 'm'): Finding => ({
    ruleId: 'KSV001',
    aliases: [],
    severity: 'low',
    title: 't',
    message,
    file: 'a.yaml',
    line,
    source: 'manifest',
    fingerprint,
  });

  it('suffixes repeated fingerprints with their occurrence, in the sorted order', () => {
    const sorted = sortFindings([
      finding(9, 'f00d'),
      finding(3, 'beef'),
      finding(5, 'f00d'),
      finding(1, 'f00d'),
      finding(2, 'cafe'),
      finding(4, 'beef'),
    ]);
    expect(sorted.map((f) => [f.line, f.fingerprint])).toEqual([
      [1, 'f00d'],
      [2, 'cafe'],
      [3, 'beef'],
      [4, 'beef:1'],
      [5, 'f00d:1'],
      [9, 'f00d:2'],
    ]);
  });

  it('tells apart many fingerprints, whatever slots they hash to', () => {
    const many = Array.from({ length: 5000 }, (_, i) => finding(i, `fp${i % 2500}`));
    const fingerprints = sortFindings(many).map((f) => f.fingerprint);
    expect(new Set(fingerprints).size).toBe(5000);
    expect(fingerprints.filter((f) => f.endsWith(':1'))).toHaveLength(2500);
    expect(fingerprints.filter((f) => f.includes(':2'))).toHaveLength(0);
  });
});
