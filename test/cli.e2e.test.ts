// Runs the bundled CLI (dist/cli.js) as a user would: a child process, its JSON and exit code.
import { execFile } from 'node:child_process';
import {
  copyFileSync,
  lstatSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
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
  if (args.includes('--config') || args[0] !== 'scan') return run(args, cwd);
  // A policy file must be inside the scanned repository: another repository gets a copy.
  const inside = path.relative(process.cwd(), cwd).startsWith('..');
  const config = inside ? path.join(cwd, '.first-rules.yaml') : FIRST_RULES[1];
  if (inside) copyFileSync(FIRST_RULES[1], config);
  return run([...args, '--config', config], cwd);
}

async function run(args: string[], cwd: string, env: NodeJS.ProcessEnv = { NO_COLOR: '1' }) {
  try {
    const { FORCE_COLOR: _force, NO_COLOR: _no, ...inherited } = process.env;
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [CLI, ...args], {
      cwd,
      env: { ...inherited, ...env },
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

  it('prints column headings and honours FORCE_COLOR as well as NO_COLOR', async () => {
    const args = ['scan', path.join(FIXTURES, 'multi.yaml'), ...FIRST_RULES];
    const plain = await run(args, process.cwd(), { NO_COLOR: '1' });
    expect(plain.stdout.split('\n')[0]).toMatch(/^ LINE {2}SEVERITY {2}RULE {6}MESSAGE$/);
    expect(plain.stdout).not.toContain('\u001b[');
    // Not a terminal, but FORCE_COLOR asks for colour (and wins over NO_COLOR, as in Node).
    const forced = await run(args, process.cwd(), { FORCE_COLOR: '1' });
    expect(forced.stdout).toContain('\u001b[');
    expect((await run(args, process.cwd(), { FORCE_COLOR: '1', NO_COLOR: '1' })).stdout).toContain(
      '\u001b[',
    );
    expect((await run(args, process.cwd(), { FORCE_COLOR: '0' })).stdout).not.toContain('\u001b[');
  });

  it('never lets a resource name forge a workflow command or a terminal escape', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'kpg-cli-hostile-'));
    try {
      const name =
        'web\n::set-output name=x::pwned\n::add-mask::secret\r::error::forged\u001b]8;;https://evil.example\u0007\u001b[2J\u202e';
      writeFileSync(
        path.join(dir, 'pod.yaml'),
        `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${JSON.stringify(name)}\nspec:\n  containers:\n    - name: app\n      image: busybox:1.36\n      securityContext:\n        privileged: true\n`,
      );
      writeFileSync(path.join(dir, '::error::file.yaml'), readFileSync(path.join(dir, 'pod.yaml')));
      for (const format of ['table', 'markdown']) {
        const { stdout } = await cli(['scan', dir, '--format', format], dir);
        expect(stdout).toContain('pwned');
        expect(stdout, format).not.toMatch(/^\s*::/m);
        // eslint-disable-next-line no-control-regex
        expect(stdout, format).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202e]/);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('never writes --output through a symlink', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'kpg-cli-link-'));
    const outside = mkdtempSync(path.join(tmpdir(), 'kpg-cli-outside-'));
    try {
      writeFileSync(path.join(outside, 'victim'), 'precious\n');
      symlinkSync(path.join(outside, 'victim'), path.join(dir, 'report.json'));
      const { code } = await cli([
        'scan',
        path.join(FIXTURES, 'multi.yaml'),
        '--format',
        'json',
        '--output',
        path.join(dir, 'report.json'),
      ]);
      expect(code).toBe(1);
      expect(readFileSync(path.join(outside, 'victim'), 'utf8')).toBe('precious\n');
      expect(lstatSync(path.join(dir, 'report.json')).isSymbolicLink()).toBe(false);
      expect(JSON.parse(readFileSync(path.join(dir, 'report.json'), 'utf8')).version).toBe(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
      rmSync(outside, { recursive: true, force: true });
    }
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
      "kube-policy-gate: policy.yaml:2: rulez: unknown key (did you mean 'rules'?); known keys: extends, failOn, rules, paths, exclude, charts, kustomize, ignore, requireReason, kubernetesVersion, customRules, admission\n",
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

  it('shows new, existing and fixed in the table and markdown, and counts new findings', async () => {
    const { root, git, write } = gitRepo();
    const pod = (name: string, extra: string) =>
      `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\nspec:\n${extra}  containers:\n    - name: app\n      image: busybox:1.36\n      securityContext:\n        allowPrivilegeEscalation: false\n`;
    write('deploy/old.yaml', pod('old', '  hostNetwork: true\n'));
    write('deploy/gone.yaml', pod('gone', '  hostPID: true\n'));
    git('add', '.');
    git('commit', '-qm', 'base');
    git('checkout', '-qb', 'feature');
    git('rm', '-q', 'deploy/gone.yaml');
    write('deploy/new.yaml', pod('new', '  hostPID: true\n'));
    git('add', '.');
    git('commit', '-qm', 'head');

    const table = await cli(['scan', '--base', 'main', '--gate', 'new'], root);
    expect(table.code).toBe(1);
    expect(table.stdout).toMatch(/^ LINE {2}SEVERITY {2}RULE {6}STATUS {4}MESSAGE$/m);
    expect(table.stdout).toMatch(/^\s+6\s+high\s+KSV010\s+new\s+/m);
    expect(table.stdout).toMatch(/^\s+6\s+high\s+KSV009\s+existing\s+/m);
    expect(table.stdout).toMatch(/Fixed by these changes:[\s\S]*KSV010\s+fixed/);
    expect(table.stdout).toMatch(
      /^1 new finding \(1 high\), 1 existing, 1 fixed\. Gate failed: new findings at or above 'high'\.$/m,
    );

    const markdown = await cli(
      ['scan', '--base', 'main', '--gate', 'new', '--format', 'markdown'],
      root,
    );
    expect(markdown.stdout).toContain('**1 new**, 1 existing, 1 fixed (gate: new).');
    expect(markdown.stdout).toMatch(/^\| \*\*new\*\* \| high \| KSV010 \|/m);
    expect(markdown.stdout).toMatch(/^\| existing \| high \| KSV009 \|/m);
    expect(markdown.stdout).toMatch(/^\| fixed \| high \| KSV010 \|/m);

    // Only the existing finding left: passes on new findings, and the line says why.
    git('rm', '-q', 'deploy/new.yaml');
    git('commit', '-qm', 'drop the new pod');
    const passed = await cli(['scan', '--base', 'main', '--gate', 'new'], root);
    expect(passed.code).toBe(0);
    expect(passed.stdout).toMatch(
      /^No new findings, 1 existing, 1 fixed\. Gate passed \(fail-on: high, gate: new\)\.$/m,
    );
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
