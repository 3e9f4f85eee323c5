// The built CLI (dist/cli.js, from `npm run build`) on the Kustomize fixture, with kubectl found
// on PATH as on a GitHub-hosted runner: overlay findings on their patch, images entry or base
// line, patch-only files silent, exit 1 on the high findings, and exit 2 without kustomize.
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { devKubectl } from '../../scripts/dev-kubectl.js';
import { runCli } from '../support/cli.js';

const FIXTURE = path.resolve('test/fixtures/kustomize');

const cli = (args: string[], cwd: string, PATH: string) => runCli(args, { cwd, env: { PATH } });

interface ReportFinding {
  ruleId: string;
  file: string;
  line: number;
  source: string;
  overlay?: string;
  overlays?: string[];
  rendered?: { file: string; line: number };
  fingerprint: string;
}

describe('dist/cli.js on kustomize overlays', () => {
  let dir: string;
  let withKubectl: string;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'kpg-kust-e2e-'));
    cpSync(FIXTURE, dir, { recursive: true });
    // The trivy pack: every KSV rule, so patch files would show findings if linted alone.
    writeFileSync(path.join(dir, '.kube-policy-gate.yaml'), 'extends: [trivy]\nfailOn: high\n');
    withKubectl = `${path.dirname(await devKubectl())}${path.delimiter}${process.env.PATH}`;
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reports overlay findings on the lines a human changes and fails the gate', async () => {
    const { code, stdout, stderr } = await cli(['scan', '--format', 'json'], dir, withKubectl);
    expect(stderr).toBe('');
    expect(code).toBe(1);
    const report = JSON.parse(stdout) as { findings: ReportFinding[]; errors: unknown[] };
    expect(report.errors).toEqual([]);
    const at = (ruleId: string) =>
      report.findings
        .filter((f) => f.ruleId === ruleId)
        .map((f) => ({ at: `${f.file}:${f.line}`, source: f.source, overlays: f.overlays }));
    expect(at('KSV017')).toEqual([
      {
        at: 'overlays/staging/privileged.yaml:11',
        source: 'kustomize-patch',
        overlays: ['overlays/staging'],
      },
    ]);
    expect(at('KSV009')).toEqual([
      {
        at: 'overlays/production/host-network.yaml:3',
        source: 'kustomize-patch',
        overlays: ['overlays/production'],
      },
    ]);
    expect(at('KSV010')).toEqual([
      {
        at: 'components/host-debug/kustomization.yaml:14',
        source: 'kustomize-patch',
        overlays: ['overlays/production'],
      },
    ]);
    expect(at('KSV013')).toEqual([
      {
        at: 'overlays/staging/kustomization.yaml:11',
        source: 'kustomization',
        overlays: ['overlays/staging'],
      },
    ]);
    expect(at('KSV005')).toEqual([
      {
        at: 'base/deployment.yaml:25',
        source: 'kustomize-base',
        overlays: ['overlays/production', 'overlays/staging'],
      },
    ]);
    // Patch-only files (and the kustomizations) are inputs: nothing is reported as a manifest.
    expect(report.findings.filter((f) => f.source === 'manifest')).toEqual([]);
    expect(report.findings.filter((f) => f.file === 'overlays/production/env.yaml')).toEqual([]);
    // Every finding keeps its position in the build output and names its root.
    for (const finding of report.findings) {
      expect(finding.rendered?.file).toBe(`${finding.overlay}/kustomization.yaml`);
      expect(finding.overlays).toContain(finding.overlay);
    }
    // One finding per problem: no fingerprint twice.
    const fingerprints = report.findings.map((f) => f.fingerprint);
    expect(new Set(fingerprints).size).toBe(fingerprints.length);
  });

  it('names the overlays in the table', async () => {
    const { stdout } = await cli(['scan', '--format', 'table'], dir, withKubectl);
    expect(stdout).toContain('overlays/staging/privileged.yaml');
    expect(stdout).toMatch(/kustomize overlays\/production, overlays\/staging/);
  });

  it('is a usage error (exit 2) with neither kustomize nor kubectl on PATH', async () => {
    const { code, stderr } = await cli(['scan'], dir, path.dirname(process.execPath));
    expect(code).toBe(2);
    expect(stderr).toMatch(/neither kustomize nor kubectl/);
  });
});
