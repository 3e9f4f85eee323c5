// The built CLI (dist/cli.js, from `npm run build`) on the fixture charts with helm v3 and v4:
// the JSON report places each finding on the values or template line a human changes.
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { devHelm } from '../../scripts/dev-helm.js';
import { runCli } from '../support/cli.js';

const FIXTURES = 'test/fixtures/charts';
const APP = `${FIXTURES}/app`;

const cli = (args: string[], env: NodeJS.ProcessEnv) => runCli(args, { env });

interface ReportFinding {
  ruleId: string;
  file: string;
  line: number;
  source: string;
  chart?: string;
  valuesSet?: string;
  valuesSets?: string[];
  rendered?: { file: string; line: number };
  container?: string;
  message: string;
}

describe.each([3, 4] as const)('dist/cli.js with helm v%i', (major) => {
  it('reports chart findings on values and template lines, and fails closed on a broken chart', async () => {
    const HELM_BIN = await devHelm(major);
    const { code, stdout, stderr } = await cli(
      ['scan', FIXTURES, '--format', 'json', '--policy', 'trivy'],
      { HELM_BIN },
    );
    expect(stderr).toBe('');
    expect(code).toBe(1);
    const report = JSON.parse(stdout) as { findings: ReportFinding[]; errors: unknown[] };
    const pick = (ruleId: string, file: string) =>
      report.findings
        .filter((f) => f.ruleId === ruleId && f.file === file)
        .map(({ line, source, valuesSet, valuesSets, container }) => ({
          line,
          source,
          valuesSet,
          valuesSets,
          container,
        }));
    const both = ['default', 'ci/prod-values.yaml'];

    // From the chart's values.yaml: a boolean in a toYaml'd map, and one a subchart reads.
    expect(pick('KSV017', `${APP}/values.yaml`)).toEqual([
      { line: 5, source: 'helm-values', valuesSet: 'default', valuesSets: both, container: 'web' },
    ]);
    expect(pick('KSV010', `${APP}/values.yaml`)).toEqual([
      {
        line: 10,
        source: 'helm-values',
        valuesSet: 'default',
        valuesSets: both,
        container: undefined,
      },
    ]);
    // From a ci/ values file, only in that set.
    expect(pick('KSV013', `${APP}/ci/prod-values.yaml`)).toEqual([
      {
        line: 2,
        source: 'helm-values',
        valuesSet: 'ci/prod-values.yaml',
        valuesSets: ['ci/prod-values.yaml'],
        container: 'web',
      },
    ]);
    // Template-driven: a literal, and a missing field on the line starting the container entry.
    expect(pick('KSV009', `${APP}/templates/worker.yaml`)).toEqual([
      {
        line: 14,
        source: 'helm-template',
        valuesSet: 'default',
        valuesSets: both,
        container: undefined,
      },
    ]);
    expect(pick('KSV001', `${APP}/templates/worker.yaml`)).toEqual([
      {
        line: 16,
        source: 'helm-template',
        valuesSet: 'default',
        valuesSets: both,
        container: 'worker',
      },
    ]);
    // The rendered position is kept.
    const privileged = report.findings.find((f) => f.ruleId === 'KSV017')!;
    expect(privileged.rendered).toEqual({ file: `${APP}/templates/deployment.yaml`, line: 22 });
    expect(privileged.chart).toBe(APP);

    // Render failures: one KPG002 each, on the template line helm names / the dependency entry.
    const failures = report.findings.filter((f) => f.ruleId === 'KPG002');
    expect(failures.map(({ file, line, source }) => ({ file, line, source }))).toEqual([
      { file: `${FIXTURES}/broken/templates/deployment.yaml`, line: 7, source: 'helm-template' },
      { file: `${FIXTURES}/missing-dependency/Chart.yaml`, line: 5, source: 'helm-template' },
    ]);
    expect(failures[1].message).toContain(`helm dependency build ${FIXTURES}/missing-dependency`);
    // Chart test pods are skipped; the library charts are never rendered on their own.
    expect(report.findings.some((f) => f.file.includes('/templates/tests/'))).toBe(false);
    expect(report.findings.some((f) => f.file.includes('/library/'))).toBe(false);
    expect(report.errors).toEqual([]);
  });
});

describe('dist/cli.js with values sets from the policy file', () => {
  it('renders them too, chart-relative values files and --set pairs included', async () => {
    // Inside the repository (a policy file outside it is refused), at its root so its paths
    // are relative to the root.
    const config = path.resolve(`.kpg-policy-${process.pid}-${Date.now()}.yaml`);
    writeFileSync(
      config,
      [
        'extends: [trivy]',
        'charts:',
        `  ${APP}:`,
        '    valuesSets:',
        '      - name: staging',
        '        values: [ci/prod-values.yaml]',
        '        set:',
        '          securityContext.privileged: "false"',
      ].join('\n'),
    );
    const { stdout } = await cli(['scan', APP, '--format', 'json', '--config', config], {
      HELM_BIN: await devHelm(4),
    }).finally(() => rmSync(config, { force: true }));
    const { findings } = JSON.parse(stdout) as { findings: ReportFinding[] };
    const sets = (ruleId: string) => findings.find((f) => f.ruleId === ruleId)?.valuesSets;
    expect(sets('KSV013')).toEqual(['ci/prod-values.yaml', 'staging']);
    expect(sets('KSV017')).toEqual(['default', 'ci/prod-values.yaml']); // false in staging
  });
});

describe('dist/cli.js without helm', () => {
  it('exits 2 with how to install helm when there are charts', async () => {
    const { code, stdout, stderr } = await cli(['scan', APP, '--format', 'json'], {
      HELM_BIN: '',
      PATH: '/nonexistent',
    });
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/no helm to render them: .*azure\/setup-helm/);
  });

  it('needs no helm when there are no charts', async () => {
    const { stderr } = await cli(['scan', 'test/fixtures/charts/library', '--format', 'json'], {
      HELM_BIN: '',
      PATH: '/nonexistent',
    });
    expect(stderr).toBe('');
  });
});
