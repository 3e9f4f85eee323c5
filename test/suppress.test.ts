import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { devHelm } from '../scripts/dev-helm.js';
import { loadPolicy } from '../src/config/policy.js';
import type { Finding } from '../src/model.js';
import { scan } from '../src/scan.js';
import { matches, type Exception } from '../src/suppress/exception.js';
import { suppressFindings } from '../src/suppress/suppress.js';

const finding: Finding = {
  ruleId: 'KSV017',
  aliases: ['no-privileged-containers'],
  severity: 'high',
  title: 'Privileged',
  message: 'm',
  file: 'charts/app/values.yaml',
  line: 12,
  source: 'helm-values',
  resource: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', namespace: 'shop' },
  container: 'app',
  chart: 'charts/app',
  valuesSet: 'ci/prod-values.yaml',
  rendered: { file: 'charts/app/templates/deployment.yaml', line: 30 },
  fingerprint: 'f',
};

const entry = (fields: Partial<Exception>): Exception => ({
  source: 'policy',
  file: '.kube-policy-gate.yaml',
  line: 3,
  written: 'KSV017',
  ...fields,
});

describe('matches', () => {
  it.each<[string, Partial<Exception>, boolean]>([
    ['every rule', {}, true],
    ['the rule', { ruleIds: new Set(['KSV017']) }, true],
    ['another rule', { ruleIds: new Set(['KSV009']) }, false],
    ['a path glob on the values file', { paths: ['charts/**/values.yaml'] }, true],
    ['a path glob on the template', { paths: ['charts/app/templates/*.yaml'] }, true],
    ['a path glob elsewhere', { paths: ['deploy/**'] }, false],
    ['Kind/name', { resources: ['Deployment/web'] }, true],
    ['namespace/Kind/name glob', { resources: ['shop/Deployment/w*'] }, true],
    ['another namespace', { resources: ['prod/Deployment/web'] }, false],
    ['the container', { containers: ['app'] }, true],
    ['another container', { containers: ['sidecar'] }, false],
    ['the chart and values set', { charts: ['charts/app'], valuesSets: ['ci/*'] }, true],
    ['another values set', { charts: ['charts/app'], valuesSets: ['default'] }, false],
    [
      'the resource itself',
      { resource: { kind: 'Deployment', name: 'web', namespace: 'shop' } },
      true,
    ],
    ['a namesake in another namespace', { resource: { kind: 'Deployment', name: 'web' } }, false],
  ])('%s', (_name, fields, expected) => {
    expect(matches(entry(fields), finding)).toBe(expected);
  });
});

describe('suppressFindings', () => {
  const now = new Date('2026-11-23T10:00:00Z');

  it('keeps a suppressed finding with the entry that suppressed it', () => {
    const result = suppressFindings(
      [finding],
      [entry({ reason: 'needs /dev', expires: '2026-11-24' })],
      now,
    );
    expect(result.findings).toEqual([]);
    expect(result.suppressed).toEqual([
      {
        ...finding,
        suppressedBy: {
          source: 'policy',
          file: '.kube-policy-gate.yaml',
          line: 3,
          reason: 'needs /dev',
          expires: '2026-11-24',
        },
      },
    ]);
    expect(result.warnings).toEqual([]);
  });

  it('stops suppressing on the expiry date (UTC), and warns', () => {
    for (const expires of ['2026-11-23', '2025-01-01']) {
      const result = suppressFindings([finding], [entry({ expires })], now);
      expect(result.findings).toEqual([finding]);
      expect(result.warnings).toEqual([
        {
          file: '.kube-policy-gate.yaml',
          line: 3,
          level: 'warning',
          message: `exception .kube-policy-gate.yaml:3 (KSV017) expired on ${expires}; it no longer suppresses the findings it matches: remove it or extend it`,
        },
      ]);
    }
  });

  it('falls through an expired entry to one that still holds', () => {
    const result = suppressFindings(
      [finding],
      [entry({ expires: '2020-01-01' }), entry({ line: 9 })],
      now,
    );
    expect(result.suppressed[0].suppressedBy.line).toBe(9);
  });

  it('warns about entries that matched nothing', () => {
    const result = suppressFindings([finding], [entry({ ruleIds: new Set(['KSV009']) })], now);
    expect(result.warnings.map((w) => w.message)).toEqual([
      'exception .kube-policy-gate.yaml:3 (KSV017) matched no finding: remove it',
    ]);
  });

  it('picks, among resource, file and general entries, the first that matches, as in order', () => {
    // Entries are looked up by the finding's resource and file: the choice must be the one a
    // walk over all of them in order makes, expired ones falling through.
    const names = ['web', 'api', 'db'];
    const files = ['a.yaml', 'b.yaml'];
    const findings: Finding[] = [];
    for (const name of names)
      for (const file of files)
        for (const line of [1, 5, 9])
          findings.push({
            ...finding,
            file,
            line,
            rendered: undefined,
            resource: { apiVersion: 'apps/v1', kind: 'Deployment', name, namespace: 'shop' },
            fingerprint: `${name}-${file}-${line}`,
          });
    const exceptions: Exception[] = [];
    let at = 0;
    for (const name of names) {
      const resource = { kind: 'Deployment', name, namespace: 'shop' };
      exceptions.push(entry({ line: ++at, resource, expires: '2020-01-01' }));
      exceptions.push(entry({ line: ++at, resource, ruleIds: new Set(['KSV001']) }));
      exceptions.push(entry({ line: ++at, paths: ['b.yaml'] }));
      exceptions.push(entry({ line: ++at, lines: { file: 'a.yaml', from: 4, to: 6 } }));
      exceptions.push(entry({ line: ++at, resource }));
      exceptions.push(entry({ line: ++at, resource: { ...resource, namespace: undefined } }));
    }
    const result = suppressFindings(findings, exceptions, now);
    for (const suppressed of result.suppressed) {
      const { suppressedBy, ...original } = suppressed;
      const walked = exceptions.find(
        (exception) => matches(exception, original) && !(exception.expires === '2020-01-01'),
      );
      expect(suppressedBy.line, original.fingerprint).toBe(walked?.line);
    }
    expect(result.suppressed).toHaveLength(findings.length);
    const used = new Set(result.suppressed.map((f) => f.suppressedBy.line));
    const unused = exceptions.filter((e) => e.expires || !used.has(e.line)).map((e) => e.line);
    expect(result.warnings.map((w) => w.line)).toEqual(unused);
    expect(unused).toEqual([1, 2, 6, 7, 8, 9, 10, 12, 13, 14, 15, 16, 18]);
  });
});

describe('scan with exceptions', () => {
  const manifest = `apiVersion: v1
kind: Pod
metadata:
  name: debug
  annotations:
    kube-policy-gate.io/ignore: "KSV017, no-host-pid"
    kube-policy-gate.io/ignore-reason: "node debugging pod"
spec:
  hostPID: true
  hostNetwork: true
  containers:
    - name: shell
      image: busybox:1.36
      securityContext:
        privileged: true
        allowPrivilegeEscalation: false
---
apiVersion: v1
kind: Pod
metadata:
  name: other
  annotations:
    kube-policy-gate.io/ignore: KSV009
spec:
  hostNetwork: true
  containers:
    - name: app
      image: busybox:1.36
      securityContext:
        allowPrivilegeEscalation: false
`;

  function workspace(files: Record<string, string>) {
    const root = mkdtempSync(path.join(tmpdir(), 'kpg-suppress-'));
    for (const [file, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
      writeFileSync(path.join(root, file), text);
    }
    return root;
  }

  it('honours annotations with a reason, the policy file and .trivyignore through one path', async () => {
    const root = workspace({
      'deploy/pods.yaml': manifest,
      '.trivyignore': 'AVD-KSV-0009 exp:2020-01-01\nKSV010\n',
      '.kube-policy-gate.yaml':
        'extends: []\nrules: { KSV009: on, KSV010: on, KSV017: on }\nignore:\n  - id: no-host-network\n    resources: [Pod/debug]\n    reason: debug pod\n',
    });
    const result = await scan({
      root,
      paths: [],
      policy: loadPolicy({ root }),
      now: new Date('2026-11-23T00:00:00Z'),
    });
    // The first entry that holds wins: .trivyignore's KSV010 comes before the annotation.
    expect(
      result.suppressed.map((f) => [
        f.ruleId,
        f.resource?.name,
        f.suppressedBy.source,
        f.suppressedBy.line,
      ]),
    ).toEqual([
      ['KSV010', 'debug', 'trivyignore', 2],
      ['KSV009', 'debug', 'policy', 4],
      ['KSV017', 'debug', 'annotation', 6],
    ]);
    expect(result.suppressed[2].suppressedBy.reason).toBe('node debugging pod');
    // Pod/other's annotation has no reason: not applied, and said so.
    expect(result.findings.map((f) => [f.ruleId, f.resource?.name])).toEqual([['KSV009', 'other']]);
    expect(result.summary).toMatchObject({ total: 1, suppressed: 3, failed: true });
    expect(result.errors.map((e) => `${e.file}:${e.line}: ${e.message}`)).toEqual([
      'deploy/pods.yaml:23: kube-policy-gate.io/ignore on Pod/other has no kube-policy-gate.io/ignore-reason; it is not applied',
      '.trivyignore:1: exception .trivyignore:1 (AVD-KSV-0009) expired on 2020-01-01; it no longer suppresses the findings it matches: remove it or extend it',
    ]);
  });
});

describe('scan with hadolint configuration', () => {
  it('reads .hadolint.yaml and pragmas through the same suppression, with hadolint thresholds', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'kpg-hadolint-'));
    writeFileSync(
      path.join(root, 'Dockerfile'),
      '# hadolint ignore=DL3007 base image is pinned by digest in CI\nFROM debian:latest\nUSER root\nMAINTAINER me\n',
    );
    writeFileSync(
      path.join(root, '.hadolint.yaml'),
      'ignored: [DL4000]\noverride:\n  info: [DL3002]\nfailure-threshold: warning\n',
    );
    writeFileSync(
      path.join(root, '.kube-policy-gate.yaml'),
      'extends: []\nrules: { DL3002: on, DL3007: on, DL4000: on }\n',
    );
    const policy = loadPolicy({ root });
    const result = await scan({ root, paths: [], policy });
    expect(result.suppressed.map((f) => [f.ruleId, f.suppressedBy])).toEqual([
      [
        'DL3007',
        {
          source: 'hadolint-pragma',
          file: 'Dockerfile',
          line: 1,
          reason: 'base image is pinned by digest in CI',
        },
      ],
      ['DL4000', { source: 'hadolint-config', file: '.hadolint.yaml', line: 1 }],
    ]);
    // DL3002 (last USER is root) overridden to info: below hadolint's failure-threshold.
    expect(result.findings.map((f) => [f.ruleId, f.severity])).toEqual([['DL3002', 'low']]);
    expect(result.summary.failed).toBe(false);
  });
});

describe('annotations written in a Helm template', () => {
  it('suppress the findings of the rendered resource, for every values set', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'kpg-helm-annotation-'));
    cpSync(path.resolve('test/fixtures/charts/app'), path.join(root, 'charts/app'), {
      recursive: true,
    });
    const worker = path.join(root, 'charts/app/templates/worker.yaml');
    writeFileSync(
      worker,
      readFileSync(worker, 'utf8').replace(
        'metadata:\n  name: worker\n',
        'metadata:\n  name: worker\n  annotations:\n    kube-policy-gate.io/ignore: KSV009\n    kube-policy-gate.io/ignore-reason: "{{ .Values.worker.reason | default "needs the node network" }}"\n',
      ),
    );
    writeFileSync(
      path.join(root, '.kube-policy-gate.yaml'),
      'extends: []\nrules: { KSV009: on }\n',
    );
    const result = await scan({
      root,
      paths: [],
      policy: loadPolicy({ root }),
      tools: { helm: await devHelm(4) },
    });
    expect(result.findings.filter((f) => f.resource?.name === 'worker')).toEqual([]);
    expect(result.suppressed.map((f) => [f.ruleId, f.resource?.name, f.suppressedBy])).toEqual([
      [
        'KSV009',
        'worker',
        {
          source: 'annotation',
          file: 'charts/app/templates/worker.yaml',
          line: 6,
          reason: 'needs the node network',
        },
      ],
    ]);
  });
});
