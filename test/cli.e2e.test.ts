// Runs the bundled CLI (dist/cli.js) as a user would: a child process, its JSON and exit code.
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const CLI = path.resolve('dist/cli.js');
const FIXTURES = path.resolve('test/fixtures/manifests');

async function cli(args: string[], cwd = process.cwd()) {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [CLI, ...args], {
      cwd,
      env: { ...process.env, NO_COLOR: '1' },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('dist/cli.js', () => {
  it('reports findings as the JSON contract says and exits 1 when the gate fails', async () => {
    const { code, stdout, stderr } = await cli(['scan', FIXTURES, '--format', 'json']);
    expect(stderr).toBe('');
    expect(code).toBe(1);
    const report = JSON.parse(stdout);
    expect(Object.keys(report)).toEqual([
      'version',
      'tool',
      'summary',
      'findings',
      'suppressed',
      'errors',
    ]);
    expect(report.version).toBe(1);
    expect(report.summary).toMatchObject({ failOn: 'high', failed: true, suppressed: 0 });
    expect(report.summary.total).toBe(report.findings.length);

    const privileged = report.findings.find((f: { ruleId: string }) => f.ruleId === 'KSV017');
    expect(privileged).toMatchObject({
      ruleId: 'KSV017',
      aliases: expect.arrayContaining(['no-privileged-containers', 'AVD-KSV-0017']),
      severity: 'high',
      title: 'Privileged',
      file: 'test/fixtures/manifests/multi.yaml',
      line: 26,
      source: 'manifest',
      resource: { apiVersion: 'apps/v1', kind: 'DaemonSet', name: 'agent' },
      container: 'agent',
    });
    expect(privileged.fingerprint).toMatch(/^[0-9a-f]{32}$/);

    // Unreadable files fail closed: a KPG001 finding and an error line each.
    const unreadable = report.findings.filter((f: { ruleId: string }) => f.ruleId === 'KPG001');
    expect(unreadable.map((f: { file: string }) => path.basename(f.file)).sort()).toEqual([
      'alias-bomb.yaml',
      'binary.yaml',
      'broken.yaml',
    ]);
    expect(report.errors).toHaveLength(3);
  });

  it('exits 0 on clean input and with --fail-on none', async () => {
    expect((await cli(['scan', path.join(FIXTURES, 'clean.yaml'), '--format', 'json'])).code).toBe(
      0,
    );
    expect((await cli(['scan', FIXTURES, '--fail-on', 'none'])).code).toBe(0);
  });

  it('prints a table grouped by file with the verdict', async () => {
    const { code, stdout } = await cli(['scan', path.join(FIXTURES, 'multi.yaml')]);
    expect(code).toBe(1);
    expect(stdout).toContain('test/fixtures/manifests/multi.yaml\n');
    expect(stdout).toMatch(/^\s+26\s+high\s+KSV017\s+Container 'agent' of DaemonSet 'agent'/m);
    expect(stdout).toMatch(/2 findings \(2 high\)\. Gate failed/);
  });

  it('writes the report to --output', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'kpg-cli-'));
    const { code, stderr } = await cli([
      'scan',
      path.join(FIXTURES, 'multi.yaml'),
      '--format',
      'json',
      '--output',
      path.join(dir, 'r.json'),
    ]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/report written to/);
  });

  it('exits 2 with one clear line on usage and configuration errors, never a stack trace', async () => {
    const badFlag = await cli(['scan', '--frobnicate']);
    expect(badFlag.code).toBe(2);
    expect(badFlag.stderr).toMatch(/^kube-policy-gate: Unknown option '--frobnicate'/);
    const badFormat = await cli(['scan', '--format', 'xml']);
    expect(badFormat.code).toBe(2);
    expect(badFormat.stderr).toContain('--format must be one of table, json, markdown');

    const dir = mkdtempSync(path.join(tmpdir(), 'kpg-cli-'));
    writeFileSync(path.join(dir, 'policy.yaml'), 'failOn: high\nrulez:\n  KSV017: off\n');
    const badConfig = await cli(['scan', dir, '--config', path.join(dir, 'policy.yaml')], dir);
    expect(badConfig.code).toBe(2);
    expect(badConfig.stderr).toBe(
      "kube-policy-gate: policy.yaml:2: rulez: unknown key (did you mean 'rules'?); known keys: extends, failOn, rules, paths, exclude\n",
    );
    for (const run of [badFlag, badFormat, badConfig]) expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('prints --version and --help', async () => {
    expect((await cli(['--version'])).stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
    const help = await cli(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: kube-policy-gate scan [PATH...]');
  });
});
