// The Helm render stage on the fixture charts, with real helm v3 and v4: every finding placed on
// the values or template line a human changes.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { devHelm } from '../../scripts/dev-helm.js';
import { loadPolicy, type Policy } from '../../src/config/policy.js';
import type { Finding } from '../../src/model.js';
import { evaluateResources } from '../../src/rules/evaluate.js';
import { discover } from '../../src/sources/discover.js';
import { scan } from '../../src/scan.js';
import {
  mergeAcrossValuesSets,
  renderCharts,
  type RenderedCharts,
} from '../../src/sources/helm/index.js';
import { toolEnvironment } from '../../src/sources/tools.js';
import { tempRepo, type Repo } from '../hostile/support.js';

const ROOT = path.resolve('.');
const FIXTURES = 'test/fixtures/charts';
const APP = `${FIXTURES}/app`;

export function policyOf(...ids: string[]): Policy {
  return {
    failOn: 'high',
    rules: new Map(ids.map((id) => [id, { severity: 'high' as const }])),
    paths: [],
    exclude: [],
    exceptions: [],
    charts: new Map(),
  } as unknown as Policy;
}

/** The fields a human reads: rule, where, from which source, in which values sets. */
function placed(finding: Finding) {
  return {
    ruleId: finding.ruleId,
    file: finding.file,
    line: finding.line,
    source: finding.source,
    container: finding.container,
    valuesSets: finding.valuesSets,
  };
}

// Discovery runs no helm: once is enough.
it('discovers the charts but not library charts', async () => {
  const found = await discover(ROOT, [FIXTURES], []);
  expect(found.charts).toEqual([
    `${FIXTURES}/app`,
    `${FIXTURES}/broken`,
    `${FIXTURES}/missing-dependency`,
  ]);
  expect(found.manifests).toEqual([]); // chart YAML is only seen through helm
});

describe.each([3, 4] as const)('helm v%i', (major) => {
  let helm: string;
  /** The app fixture rendered once with this helm: three tests read it, none changes it. */
  let app: RenderedCharts;
  beforeAll(async () => {
    helm = await devHelm(major);
    app = await renderCharts({ root: ROOT, charts: [APP], tools: { helm } });
  });

  it('maps findings to values and template lines, for each values set', () => {
    const rendered = app;
    expect(rendered.failures).toEqual([]);
    expect(rendered.errors).toEqual([]);
    const findings = mergeAcrossValuesSets(
      evaluateResources(
        rendered.resources,
        policyOf('KSV001', 'KSV009', 'KSV010', 'KSV013', 'KSV017'),
      ),
    );
    const both = ['default', 'ci/prod-values.yaml'];
    expect(findings.map(placed).sort((a, b) => a.ruleId.localeCompare(b.ruleId))).toEqual([
      // Missing field: the template line that starts the container entry.
      {
        ruleId: 'KSV001',
        file: `${APP}/templates/worker.yaml`,
        line: 16,
        source: 'helm-template',
        container: 'worker',
        valuesSets: both,
      },
      // Literal in a template.
      {
        ruleId: 'KSV009',
        file: `${APP}/templates/worker.yaml`,
        line: 14,
        source: 'helm-template',
        container: undefined,
        valuesSets: both,
      },
      // A boolean in the parent's values.yaml, read by the subchart's template.
      {
        ruleId: 'KSV010',
        file: `${APP}/values.yaml`,
        line: 10,
        source: 'helm-values',
        container: undefined,
        valuesSets: both,
      },
      // A string composed in a _helpers.tpl include: the ci/ file's tag line won the merge.
      {
        ruleId: 'KSV013',
        file: `${APP}/ci/prod-values.yaml`,
        line: 2,
        source: 'helm-values',
        container: 'web',
        valuesSets: ['ci/prod-values.yaml'],
      },
      // A boolean inside a whole map emitted by `toYaml | nindent`.
      {
        ruleId: 'KSV017',
        file: `${APP}/values.yaml`,
        line: 5,
        source: 'helm-values',
        container: 'web',
        valuesSets: both,
      },
    ]);
  });

  it('keeps the rendered position, the chart and the template of every finding', () => {
    const rendered = app;
    const [privileged] = evaluateResources(rendered.resources, policyOf('KSV017'));
    expect(privileged).toMatchObject({
      chart: APP,
      valuesSet: 'default',
      rendered: { file: `${APP}/templates/deployment.yaml`, line: 22 },
      resource: { kind: 'Deployment', name: 'fixture-app-web' },
    });
  });

  it('skips chart test pods', () => {
    const rendered = app;
    expect(rendered.resources.map((r) => r.ref.name).sort()).toEqual([
      'agent',
      'agent',
      'fixture-app-web',
      'fixture-app-web',
      'worker',
      'worker',
    ]);
  });

  it('turns a broken template into one KPG002 finding on the line helm names', async () => {
    const rendered = await renderCharts({
      root: ROOT,
      charts: [`${FIXTURES}/broken`, APP],
      tools: { helm },
    });
    expect(rendered.failures).toHaveLength(1);
    expect(rendered.failures[0]).toMatchObject({
      file: `${FIXTURES}/broken/templates/deployment.yaml`,
      line: 7,
      chart: `${FIXTURES}/broken`,
      valuesSets: ['default'],
    });
    expect(rendered.failures[0].message).toContain('function "no_such_function" not defined');
    // The other chart is still rendered.
    expect(rendered.resources.some((r) => r.origin.chart === APP)).toBe(true);
  });

  it('hands each render to onRendered in the order of the result, failures left out', async () => {
    const handed: unknown[] = [];
    const rendered = await renderCharts({
      root: ROOT,
      charts: [`${FIXTURES}/broken`, APP, `${FIXTURES}/missing-dependency`],
      tools: { helm },
      onRendered: (resources) => handed.push(...resources),
    });
    expect(rendered.failures).toHaveLength(2);
    expect(rendered.resources.length).toBeGreaterThan(1);
    expect(handed).toEqual(rendered.resources);
  });

  it('fails the render when helm does not run, though the charts were being copied', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'kpg-broken-helm-'));
    try {
      const broken = path.join(dir, 'helm');
      writeFileSync(broken, '#!/bin/sh\nexit 3\n', { mode: 0o755 });
      await expect(
        renderCharts({ root: ROOT, charts: [APP, `${FIXTURES}/broken`], tools: { helm: broken } }),
      ).rejects.toThrow(/install helm/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('says which dependencies are missing and how to vendor them', async () => {
    const dir = `${FIXTURES}/missing-dependency`;
    const rendered = await renderCharts({ root: ROOT, charts: [dir], tools: { helm } });
    expect(rendered.failures).toHaveLength(1);
    expect(rendered.failures[0]).toMatchObject({
      file: `${dir}/Chart.yaml`,
      line: 5,
    });
    expect(rendered.failures[0].message).toBe(
      `chart dependencies missing from ${dir}/charts/: postgresql. Vendor them: run \`helm dependency build ${dir}\` and commit ${dir}/charts/ (or run it in a workflow step before the scan); dependencies are never fetched during a scan.`,
    );
  });

  it('renders configured values sets with --set pairs, a namespace and a release name', async () => {
    const rendered = await renderCharts({
      root: ROOT,
      charts: [APP],
      tools: { helm },
      extraSets: [
        {
          chart: `${FIXTURES}/*`,
          name: 'staging',
          valuesFiles: ['ci/prod-values.yaml'], // chart-relative, as in the policy file
          set: { 'securityContext.privileged': 'false', 'image.repository': 'ghcr.io/acme/canary' },
          releaseName: 'stage',
          namespace: 'staging',
        },
      ],
    });
    const staging = rendered.resources.filter((r) => r.origin.valuesSet === 'staging');
    expect(staging.map((r) => r.ref.name).sort()).toEqual(['agent', 'stage-web', 'worker']);
    const findings = evaluateResources(staging, policyOf('KSV013', 'KSV017'));
    // privileged is false through --set; the tag still comes from the configured values file.
    expect(findings.map(placed)).toEqual([
      {
        ruleId: 'KSV013',
        file: `${APP}/ci/prod-values.yaml`,
        line: 2,
        source: 'helm-values',
        container: 'web',
        valuesSets: undefined,
      },
    ]);
  });
});

describe('without helm', () => {
  it('fails with an installation hint only when there are charts', async () => {
    const tools = toolEnvironment({ PATH: '/nonexistent' });
    await expect(renderCharts({ root: ROOT, charts: [], tools })).resolves.toEqual({
      resources: [],
      failures: [],
      leftOut: [],
      errors: [],
    });
    await expect(renderCharts({ root: ROOT, charts: [APP], tools })).rejects.toThrow(
      /azure\/setup-helm/,
    );
  });
});

// Issue #13: what a user of real charts expects, with helm v3 and v4.
describe.each([3, 4] as const)('real-repository behaviour, helm v%i', (major) => {
  let helm: string;
  let repo: Repo;
  beforeAll(async () => {
    helm = await devHelm(major);
  });
  afterEach(() => repo?.remove());

  const chartYaml = (name: string) => `apiVersion: v2\nname: ${name}\nversion: 0.1.0\n`;
  const scanWith = (policy: Policy, helmPath = helm) =>
    scan({
      root: repo.root,
      paths: [],
      policy,
      tools: { helm: helmPath },
      now: new Date('2025-01-01'),
    });

  it('lets a configured values set named default replace the discovered one', async () => {
    repo = tempRepo();
    repo.write('charts/app/Chart.yaml', chartYaml('app'));
    repo.write('charts/app/values.yaml', 'mode: chart\n');
    repo.write('charts/app/prod.yaml', 'mode: prod\n');
    repo.write('charts/app/ci/x.yaml', 'mode: ci\n');
    repo.write(
      'charts/app/templates/cm.yaml',
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm\ndata:\n  mode: {{ .Values.mode }}\n',
    );
    const rendered = await renderCharts({
      root: repo.root,
      charts: ['charts/app'],
      tools: { helm },
      extraSets: [{ chart: 'charts/app', name: 'default', valuesFiles: ['prod.yaml'], set: {} }],
    });
    expect(
      rendered.resources.map((r) => [r.origin.valuesSet, (r.object.data as { mode: string }).mode]),
    ).toEqual([
      ['default', 'prod'],
      ['ci/x.yaml', 'ci'],
    ]);
  });

  it('reports a chart failing in several values sets as one KPG002 listing them', async () => {
    repo = tempRepo();
    repo.write('charts/app/Chart.yaml', chartYaml('app'));
    repo.write('charts/app/ci/a.yaml', 'x: 1\n');
    repo.write('charts/app/ci/b.yaml', 'x: 2\n');
    repo.write(
      'charts/app/templates/cm.yaml',
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm\n{{ fail "always broken" }}\n',
    );
    const result = await scanWith(policyOf('KSV017'));
    const failures = result.findings.filter((f) => f.ruleId === 'KPG002');
    expect(failures).toHaveLength(1);
    expect(failures[0]).toMatchObject({
      file: 'charts/app/templates/cm.yaml',
      line: 5,
      chart: 'charts/app',
      valuesSets: ['default', 'ci/a.yaml', 'ci/b.yaml'],
    });
    expect(failures[0].message).toMatch(
      /always broken.*\(values sets default, ci\/a\.yaml, ci\/b\.yaml\)$/s,
    );
  });

  it('does not put a chart that leaves its namespace to install time in default', async () => {
    repo = tempRepo();
    repo.write('charts/app/Chart.yaml', chartYaml('app'));
    const deployment = (name: string, namespace: string) =>
      `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${name}\n  namespace: ${namespace}\nspec:\n  template:\n    spec:\n      containers:\n        - name: app\n          image: nginx:1.27.0\n`;
    repo.write(
      'charts/app/templates/deploy.yaml',
      [
        deployment('installed', '{{ .Release.Namespace }}'),
        deployment('literal', 'default'),
        deployment('bare', '').replace('  namespace: \n', ''),
        'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: deny\nspec:\n  podSelector: {}\n',
        'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata:\n  name: reader\nrules: []\n',
      ].join('---\n'),
    );
    repo.write('charts/app/ci/prod.yaml', 'x: 1\n');
    const result = await scanWith(policyOf('KSV110', 'KPG203'));
    const ksv110 = result.findings.filter((f) => f.ruleId === 'KSV110');
    expect(ksv110.map((f) => f.resource?.name)).toEqual(['literal']);
    // The chart's own NetworkPolicy (no namespace: the release's) covers the release namespace.
    const kpg203 = result.findings.filter((f) => f.ruleId === 'KPG203');
    expect(kpg203.map((f) => f.message)).toEqual([
      "Namespace 'default' has workloads (first: Deployment 'literal') but no NetworkPolicy",
    ]);
    const rendered0 = await renderCharts({
      root: repo.root,
      charts: ['charts/app'],
      tools: { helm },
    });
    expect(
      rendered0.resources
        .filter((r) => r.origin.valuesSet === 'default')
        .map((r) => [r.ref.name, r.ref.namespace])
        .sort(),
    ).toEqual([
      ['bare', '{{ .Release.Namespace }}'],
      ['deny', '{{ .Release.Namespace }}'],
      ['installed', '{{ .Release.Namespace }}'],
      ['literal', 'default'],
      ['reader', undefined],
    ]);

    // A configured namespace still counts: `default` configured is default.
    const rendered = await renderCharts({
      root: repo.root,
      charts: ['charts/app'],
      tools: { helm },
      extraSets: [{ name: 'in-default', valuesFiles: [], set: {}, namespace: 'default' }],
    });
    const inDefault = rendered.resources.filter((r) => r.origin.valuesSet === 'in-default');
    expect(inDefault.map((r) => [r.ref.name, r.ref.namespace]).sort()).toEqual([
      ['bare', 'default'],
      ['deny', 'default'],
      ['installed', 'default'],
      ['literal', 'default'],
      ['reader', undefined],
    ]);
  });

  it('renders for one named Kubernetes version, so helm v3 and v4 agree', async () => {
    repo = tempRepo();
    repo.write('charts/app/Chart.yaml', chartYaml('app'));
    repo.write(
      'charts/app/templates/cm.yaml',
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm\ndata:\n  version: {{ .Capabilities.KubeVersion.Version | quote }}\n  policyV1: {{ .Capabilities.APIVersions.Has "policy/v1" | quote }}\n',
    );
    const versionOf = async (kubernetesVersion?: string) => {
      const rendered = await renderCharts({
        root: repo.root,
        charts: ['charts/app'],
        tools: { helm },
        kubernetesVersion,
      });
      return rendered.resources[0].object.data;
    };
    expect(await versionOf()).toEqual({ version: 'v1.35.0', policyV1: 'true' });
    expect(await versionOf('1.29.3')).toEqual({ version: 'v1.29.3', policyV1: 'true' });
  });

  it('needs no helm when no Kubernetes rule is enabled (only Dockerfiles are checked)', async () => {
    repo = tempRepo();
    repo.write('charts/app/Chart.yaml', chartYaml('app'));
    repo.write('charts/app/templates/cm.yaml', 'kind: ConfigMap\n');
    repo.write('Dockerfile', 'FROM alpine\nRUN apk add curl\n');
    const hadolintOnly = loadPolicy({ root: repo.root, packs: ['hadolint'] });
    const result = await scanWith(hadolintOnly, path.join(repo.root, 'no-such-helm'));
    expect(result.findings.some((f) => f.ruleId === 'DL3018')).toBe(true);
    // With a Kubernetes rule the chart must be rendered: no helm is then an error.
    await expect(
      scanWith(policyOf('KSV017'), path.join(repo.root, 'no-such-helm')),
    ).rejects.toThrow(/cannot run helm/);
  });
});
