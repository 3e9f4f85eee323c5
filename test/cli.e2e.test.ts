// Runs the bundled CLI (dist/cli.js) as a user would: a child process, its JSON and exit code.
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { gitRepo } from './support/git.js';

const CLI = path.resolve('dist/cli.js');
const FIXTURES = path.resolve('test/fixtures/manifests');
// A fixed rule set, so expectations do not move as packs grow.
const FIRST_RULES = ['--config', path.resolve('test/fixtures/policies/first-rules.yaml')];

async function cli(args: string[], cwd = process.cwd()) {
  return run(
    args.includes('--config') || args[0] !== 'scan' ? args : [...args, ...FIRST_RULES],
    cwd,
  );
}

async function run(args: string[], cwd: string) {
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
      "kube-policy-gate: policy.yaml:2: rulez: unknown key (did you mean 'rules'?); known keys: extends, failOn, rules, paths, exclude, charts, ignore, requireReason, kubernetesVersion, customRules, admission\n",
    );
    for (const run of [badFlag, badFormat, badConfig]) expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('lints Dockerfiles with the shell parser that ships beside the bundle', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'kpg-docker-'));
    writeFileSync(
      path.join(dir, 'Dockerfile'),
      'FROM debian:12\nRUN apt-get update && apt-get install -y curl | tee log\n',
    );
    const { code, stdout, stderr } = await run(
      ['scan', dir, '--format', 'json', '--policy', 'hadolint'],
      dir,
    );
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const ids = JSON.parse(stdout).findings.map((finding: { ruleId: string }) => finding.ruleId);
    // DL3008 needs the package words of the RUN line, DL4006 its pipe: both come from the
    // shell parser (dist/mvdan-sh.cjs), loaded with the first Dockerfile.
    expect(ids).toEqual(expect.arrayContaining(['DL3008', 'DL3009', 'DL3015', 'DL4006']));
  });

  it('prints --version and --help', async () => {
    expect((await cli(['--version'])).stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
    const help = await cli(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: kube-policy-gate scan [PATH...]');
  });
});

describe('dist/cli.js --base', () => {
  it('marks findings new or existing by fingerprint and gates on new ones with --gate new', async () => {
    const { root, git, write } = gitRepo();
    const pod = (name: string, extra: string) =>
      `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\nspec:\n${extra}  containers:\n    - name: app\n      image: busybox:1.36\n      securityContext:\n        allowPrivilegeEscalation: false\n`;
    write('deploy/old.yaml', pod('old', '  hostNetwork: true\n'));
    git('add', '.');
    git('commit', '-qm', 'base');
    git('checkout', '-qb', 'feature');
    // Lines move in the old file (a comment on top); a new pod adds a new finding.
    write('deploy/old.yaml', '# moved down\n' + pod('old', '  hostNetwork: true\n'));
    write('deploy/new.yaml', pod('new', '  hostPID: true\n'));
    git('add', '.');
    git('commit', '-qm', 'head');

    const gateNew = await cli(
      ['scan', '--base', 'main', '--gate', 'new', '--format', 'json'],
      root,
    );
    const report = JSON.parse(gateNew.stdout);
    expect(
      report.findings.map((f: { ruleId: string; status: string; line: number }) => [
        f.ruleId,
        f.status,
        f.line,
      ]),
    ).toEqual([
      ['KSV010', 'new', 6],
      ['KSV009', 'existing', 7], // moved down a line, still the same finding
    ]);
    expect(report.summary).toMatchObject({ total: 2, new: 1, failed: true });
    expect(report.fixed).toEqual([]);
    expect(gateNew.code).toBe(1);

    // With only the existing finding left, --gate new passes and --gate all still fails.
    git('rm', '-q', 'deploy/new.yaml');
    git('commit', '-qm', 'drop the new pod');
    expect((await cli(['scan', '--base', 'main', '--gate', 'new'], root)).code).toBe(0);
    expect((await cli(['scan', '--base', 'main', '--gate', 'all'], root)).code).toBe(1);
    // The base work tree is cleaned up.
    expect(git('worktree', 'list').trim().split('\n')).toHaveLength(1);
  });

  it('says so and gates on all findings when the base cannot be had', async () => {
    const { root, git, write } = gitRepo();
    write(
      'deploy/pod.yaml',
      'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  hostPID: true\n',
    );
    git('add', '.');
    git('commit', '-qm', 'only');
    const { code, stdout } = await cli(
      ['scan', '--base', 'no-such-ref', '--gate', 'new', '--format', 'json'],
      root,
    );
    const report = JSON.parse(stdout);
    expect(code).toBe(1);
    expect(report.errors.at(-1).message).toMatch(
      /^cannot check out base no-such-ref: .*; gating on all findings$/,
    );
  });
});
