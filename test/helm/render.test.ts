// The Helm render stage on the fixture charts, with real helm v3 and v4: every finding placed on
// the values or template line a human changes.
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { devHelm } from '../../scripts/dev-helm.js';
import type { Policy } from '../../src/config/policy.js';
import type { Finding } from '../../src/model.js';
import { evaluateResources } from '../../src/rules/evaluate.js';
import { discover } from '../../src/sources/discover.js';
import { mergeAcrossValuesSets, renderCharts } from '../../src/sources/helm/index.js';

const ROOT = path.resolve('.');
const FIXTURES = 'test/fixtures/charts';
const APP = `${FIXTURES}/app`;

export function policyOf(...ids: string[]): Policy {
  return {
    failOn: 'high',
    rules: new Map(ids.map((id) => [id, { severity: 'high' as const }])),
    paths: [],
    exclude: [],
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

describe.each([3, 4] as const)('helm v%i', (major) => {
  let helm: string;
  beforeAll(async () => {
    helm = await devHelm(major);
  });

  it('discovers the charts but not library charts', async () => {
    const found = await discover(ROOT, [FIXTURES], []);
    expect(found.charts).toEqual([
      `${FIXTURES}/app`,
      `${FIXTURES}/broken`,
      `${FIXTURES}/missing-dependency`,
    ]);
    expect(found.manifests).toEqual([]); // chart YAML is only seen through helm
  });

  it('maps findings to values and template lines, for each values set', async () => {
    const rendered = await renderCharts({ root: ROOT, charts: [APP], helm });
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

  it('keeps the rendered position, the chart and the template of every finding', async () => {
    const rendered = await renderCharts({ root: ROOT, charts: [APP], helm });
    const [privileged] = evaluateResources(rendered.resources, policyOf('KSV017'));
    expect(privileged).toMatchObject({
      chart: APP,
      valuesSet: 'default',
      rendered: { file: `${APP}/templates/deployment.yaml`, line: 22 },
      resource: { kind: 'Deployment', name: 'fixture-app-web' },
    });
  });

  it('skips chart test pods', async () => {
    const rendered = await renderCharts({ root: ROOT, charts: [APP], helm });
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
    const rendered = await renderCharts({ root: ROOT, charts: [`${FIXTURES}/broken`, APP], helm });
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

  it('says which dependencies are missing and how to vendor them', async () => {
    const dir = `${FIXTURES}/missing-dependency`;
    const rendered = await renderCharts({ root: ROOT, charts: [dir], helm });
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
      helm,
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
    const saved = { PATH: process.env.PATH, HELM_BIN: process.env.HELM_BIN };
    delete process.env.HELM_BIN;
    process.env.PATH = '/nonexistent';
    try {
      await expect(renderCharts({ root: ROOT, charts: [] })).resolves.toEqual({
        resources: [],
        failures: [],
        leftOut: [],
        errors: [],
      });
      await expect(renderCharts({ root: ROOT, charts: [APP] })).rejects.toThrow(
        /azure\/setup-helm/,
      );
    } finally {
      for (const [key, value] of Object.entries(saved)) {
        if (value === undefined) delete process.env[key];
        else process.env[key] = value;
      }
    }
  });
});
