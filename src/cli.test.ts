// The CLI in process: run(argv, io) with streams that collect what it writes, a working
// directory and an environment of the test's own. The end-to-end suites run the bundled
// dist/cli.js as a user does; this one shows cli.ts runs nothing at import and needs no process
// of its own, as src/main.test.ts does for the Action.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { run } from './cli.js';
import { TOOL_VERSION } from './version.js';

const FIXTURES = path.resolve('test/fixtures/manifests');

const PRIVILEGED_POD = `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: app
      image: nginx:1.27
      securityContext:
        privileged: true
`;

/** A stream that keeps what is written to it. */
function collector(): Writable & { text: () => string } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      chunks.push(String(chunk));
      done();
    },
  });
  return Object.assign(stream, { text: () => chunks.join('') });
}

async function cli(argv: string[], cwd = FIXTURES) {
  const stdout = collector();
  const stderr = collector();
  // No HELM_BIN or colour settings from the machine that runs the tests.
  const env = { PATH: process.env.PATH };
  const code = await run(argv, { stdout, stderr, env, cwd });
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}

let work: string;
beforeEach(() => {
  work = mkdtempSync(path.join(tmpdir(), 'kpg-cli-run-'));
});
afterEach(() => rmSync(work, { recursive: true, force: true }));

describe('run() in process', () => {
  it('scans a directory and writes the JSON report to its stdout; the gate fails with 1', async () => {
    const { code, stdout, stderr } = await cli(['scan', '--format', 'json', '.']);
    expect(code).toBe(1);
    const report = JSON.parse(stdout) as {
      findings: Array<{ ruleId: string; file: string; line: number }>;
      summary: { failed: boolean; total: number };
    };
    expect(report.summary.failed).toBe(true);
    expect(report.summary.total).toBe(report.findings.length);
    expect(report.findings.length).toBeGreaterThan(0);
    // Paths relative to the repository that holds its working directory.
    expect(report.findings).toContainEqual(
      expect.objectContaining({ file: 'test/fixtures/manifests/multi.yaml', ruleId: 'KSV017' }),
    );
    // The file that does not parse is a finding on its line, and the others are still scanned.
    expect(report.findings).toContainEqual(
      expect.objectContaining({
        file: 'test/fixtures/manifests/broken.yaml',
        ruleId: 'KPG001',
        line: 6,
      }),
    );
    expect(stderr).toBe('');
  });

  it('passes with 0 when no finding reaches --fail-on', async () => {
    writeFileSync(path.join(work, 'pod.yaml'), PRIVILEGED_POD);
    const { code, stdout } = await cli(['scan', '--fail-on', 'none', '--format', 'json'], work);
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as { findings: Array<{ ruleId: string; line: number }> };
    expect(report.findings).toContainEqual(
      expect.objectContaining({ ruleId: 'KSV017', file: 'pod.yaml', line: 10 }),
    );
  });

  it('writes --output relative to its working directory and says so on stderr', async () => {
    writeFileSync(path.join(work, 'pod.yaml'), PRIVILEGED_POD);
    const { code, stdout, stderr } = await cli(
      ['scan', '--format', 'sarif', '--output', 'report.sarif'],
      work,
    );
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(
      /^kube-policy-gate: \d+ findings, gate failed; report written to report\.sarif\n$/,
    );
    const sarif = JSON.parse(readFileSync(path.join(work, 'report.sarif'), 'utf8')) as {
      version: string;
    };
    expect(sarif.version).toBe('2.1.0');
  });

  it('answers a usage error with exit 2 and two lines on stderr', async () => {
    const { code, stdout, stderr } = await cli(['scan', '--format', 'xml']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe(
      "kube-policy-gate: --format must be one of table, json, markdown, sarif (got 'xml')\n" +
        "kube-policy-gate: Run 'kube-policy-gate --help' for usage.\n",
    );
  });

  it('answers an unknown flag and an unknown command the same way', async () => {
    const flag = await cli(['scan', '--frmat', 'json']);
    expect(flag.code).toBe(2);
    expect(flag.stderr).toMatch(/^kube-policy-gate: Unknown option '--frmat'/);
    const command = await cli(['lint']);
    expect(command.code).toBe(2);
    expect(command.stderr).toMatch(/^kube-policy-gate: unknown command 'lint'/);
  });

  it('names a path that does not exist as it was given', async () => {
    const outside = path.join(work, 'absent');
    expect(await cli(['scan', outside])).toEqual({
      code: 2,
      stdout: '',
      stderr:
        `kube-policy-gate: path not found: ${outside}\n` +
        "kube-policy-gate: Run 'kube-policy-gate --help' for usage.\n",
    });
    expect((await cli(['scan', 'multi.yaml', 'nope.yaml'])).stderr).toMatch(
      /^kube-policy-gate: path not found: nope\.yaml\n/,
    );
  });

  it('answers a configuration error with exit 2 and the file and line', async () => {
    writeFileSync(path.join(work, 'pod.yaml'), PRIVILEGED_POD);
    writeFileSync(path.join(work, '.kube-policy-gate.yaml'), 'rules:\n  KSV017: hgh\n');
    const { code, stdout, stderr } = await cli(['scan'], work);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^kube-policy-gate: \.kube-policy-gate\.yaml:2:.*did you mean 'high'/m);
  });

  it('prints --help with 0, and the usage with 2 when no command is given', async () => {
    const help = await cli(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: kube-policy-gate scan \[PATH\.\.\.\] \[options\]/);
    expect(help.stdout).toContain('--fail-on');
    expect(help.stderr).toBe('');
    const bare = await cli([]);
    expect(bare.code).toBe(2);
    expect(bare.stdout).toBe(help.stdout);
  });

  it('prints --version', async () => {
    expect(await cli(['--version'])).toEqual({ code: 0, stdout: `${TOOL_VERSION}\n`, stderr: '' });
  });

  it('evaluates an expression against an object file read relative to its working directory', async () => {
    writeFileSync(path.join(work, 'pod.yaml'), PRIVILEGED_POD);
    const ok = await cli(['eval', 'object.metadata.name', '--object', 'pod.yaml'], work);
    expect(ok).toEqual({ code: 0, stdout: '"web"\n', stderr: '' });
    const missing = await cli(['eval', 'true', '--object', 'absent.yaml'], work);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^kube-policy-gate: cannot read absent\.yaml: ENOENT\n/);
  });
});
