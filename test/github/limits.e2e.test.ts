// The bundled Action (dist/index.js) against the fake GitHub API at the edges of GitHub's
// documented limits: big pull requests in non-ASCII folders, unreadable files, rate limits, a
// hostile report artifact, and report files the pull request planted as symlinks.
import { execFileSync } from 'node:child_process';
import { lstatSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pullRequestRepo } from '../support/git.js';
import { FakeGitHub, type FakeGitHubOptions } from './fake-github.js';
import { runAction, runOnPullRequest } from './run-action.js';

const DIGEST = 'sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef';

/** A Deployment with a privileged container, hostPID and a :latest image: three findings. */
function risky(name: string): string {
  return [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    `  name: ${JSON.stringify(name)}`,
    'spec:',
    '  template:',
    '    spec:',
    '      hostPID: true',
    '      containers:',
    '        - name: app',
    `          image: registry.example.com/app:latest`,
    '          securityContext:',
    '            allowPrivilegeEscalation: false',
    '            privileged: true',
    '',
  ].join('\n');
}

function safe(name: string): string {
  return [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    `  name: ${name}`,
    'spec:',
    '  template:',
    '    spec:',
    '      containers:',
    '        - name: app',
    `          image: registry.example.com/${name}@${DIGEST}`,
    '          securityContext:',
    '            allowPrivilegeEscalation: false',
    '',
  ].join('\n');
}

/** A base commit with one safe workload and a head commit (checked out) adding `head`. */
function pullRequest(head: Record<string, string>) {
  return pullRequestRepo({ 'deploy/base.yaml': safe('base') }, head);
}

let github: FakeGitHub;
let apiUrl: string;
const temps: string[] = [];

async function startGitHub(options: FakeGitHubOptions = {}) {
  github = new FakeGitHub(options);
  apiUrl = await github.start();
}

beforeEach(async () => startGitHub());
afterEach(async () => {
  await github.stop();
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const bytes = (text: string) => Buffer.byteLength(text);

describe('a big pull request in non-ASCII folders, with unreadable files', () => {
  it('keeps every text within GitHub limits, in bytes, and annotates non-ASCII paths', async () => {
    await github.stop();
    await startGitHub({ readOnly: true });
    const files: Record<string, string> = {};
    // 90 files x 8 workloads x 3 findings, long names: well over 1 MiB of rows.
    for (let f = 0; f < 90; f++) {
      const docs = Array.from({ length: 8 }, (_, d) =>
        risky(`überweisung-zahlungsverkehr-${f}-${d}-${'ä'.repeat(150)}`),
      );
      files[`déploiement/équipe-${f}/charges-${f}.yaml`] = docs.join('---\n');
    }
    for (let b = 0; b < 15; b++) files[`deploy/broken-${b}.yaml`] = 'a: [1, 2\nb: {\n';
    const repo = pullRequest(files);
    temps.push(repo.root);
    const run = await runOnPullRequest(repo, apiUrl, { 'json-file': 'report.json' });
    expect(run.code).toBe(1);
    // Three findings per workload, and each unreadable file is a KPG001 finding too.
    const total = 90 * 8 * 3 + 15;
    expect(Number(run.outputs.findings)).toBe(total);

    // The job summary: at most 1 MiB in bytes, cut at a row, saying what and where.
    expect(bytes(run.summary)).toBeLessThanOrEqual(1024 * 1024);
    expect(run.summary).toMatch(
      /_(\d+) finding row\(s\) left out to stay within GitHub's size limit; full report in `report\.json` \(this step's report files\)\._\n$/,
    );
    const rows = run.summary.match(/^\| \*\*new\*\* \|/gm)!.length;
    const [, leftOut] = run.summary.match(/_(\d+) finding row/)!;
    expect(rows + Number(leftOut)).toBe(total);
    // The 15 unreadable files are all listed in the job summary.
    for (let b = 0; b < 15; b++) expect(run.summary).toContain(`deploy/broken-${b}.yaml`);

    // The check-run summary (refused here: read-only token) was within 65,535 bytes anyway.
    const [create] = github.requests.filter(
      (r) => r.method === 'POST' && /check-runs$/.test(r.path),
    );
    const summary = (create.body as { output: { summary: string } }).output.summary;
    expect(bytes(summary)).toBeLessThanOrEqual(65_535);
    // The first of many batches carries the short summary; the full one goes with the last.
    expect(summary).toContain(`Annotations: 50 of ${total} sent so far`);
    for (const annotation of (
      create.body as { output: { annotations: Array<{ title: string; path: string }> } }
    ).output.annotations) {
      expect([...annotation.title].length).toBeLessThanOrEqual(255);
      expect(annotation.path).toMatch(/^déploiement\/équipe-\d+\//);
    }

    // Workflow commands: at most 10 per level in the step, the scan warnings in one annotation,
    // findings in non-ASCII folders annotated (git diff with core.quotepath=off), the rest said.
    const count = (level: string) => run.commands.filter((c) => c.command === level).length;
    expect(count('error')).toBeLessThanOrEqual(10);
    expect(count('warning')).toBeLessThanOrEqual(10);
    expect(count('notice')).toBeLessThanOrEqual(10);
    const warningsSummary = run.commands.filter((c) => /15 scan warning\(s\)/.test(c.message));
    expect(warningsSummary).toHaveLength(1);
    expect(warningsSummary[0].message).toContain('the job summary lists them all');
    const annotated = run.commands.filter((c) => c.properties.file?.startsWith('déploiement/'));
    expect(annotated.length).toBeGreaterThan(5);
    expect(
      run.commands.some((c) => c.command === 'notice' && /\d+ more finding/.test(c.message)),
    ).toBe(true);
  });
});

describe('rate limits', () => {
  it('waits out a plain 429 retry-after, and reports a far primary limit as a rate limit', async () => {
    const repo = pullRequest({ 'deploy/web.yaml': risky('web') });
    temps.push(repo.root);
    github.rateLimits.push({
      method: 'POST',
      path: /check-runs$/,
      status: 429,
      times: 1,
      retryAfterS: 3,
    });
    github.rateLimits.push({
      method: 'GET',
      path: /comments$/,
      status: 403,
      times: 5,
      resetS: 3000,
    });
    const run = await runOnPullRequest(repo, apiUrl);
    expect(run.code).toBe(1);
    // The check run went through on the retry the 429 asked for.
    expect(
      github.requests
        .filter((r) => /check-runs$/.test(r.path) && r.method === 'POST')
        .map((r) => r.status),
    ).toEqual([429, 201]);
    // The comment: one try, no hour-long wait, and the step says it was a rate limit.
    expect(github.requests.filter((r) => /comments$/.test(r.path))).toHaveLength(1);
    const warnings = run.commands.filter((c) => c.command === 'warning').map((c) => c.message);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(
      /rate limit was reached \(it lifts at .+\), so it did not post the pull request comment/,
    );
    expect(warnings[0]).not.toMatch(/may not|pull-requests: write/);
    expect(github.requests.every((r) => r.headers['x-github-api-version'] === '2022-11-28')).toBe(
      true,
    );
  });
});

describe('mode: report with a hostile artifact', () => {
  function report(findings: unknown[]) {
    const dir = mkdtempSync(path.join(tmpdir(), 'kpg-limits-artifact-'));
    temps.push(dir);
    writeFileSync(
      path.join(dir, 'report.json'),
      JSON.stringify({ version: 1, summary: { failOn: 'high' }, findings }),
    );
    return dir;
  }
  const finding = (overrides: Record<string, unknown>) => ({
    ruleId: 'KSV017',
    severity: 'high',
    title: 'Privileged',
    message: 'm',
    file: 'deploy/web.yaml',
    line: 3,
    source: 'manifest',
    fingerprint: 'f1',
    ...overrides,
  });
  const event = {
    action: 'completed',
    workflow_run: {
      head_sha: 'c'.repeat(40),
      html_url: 'https://github.com/acme/deploy/actions/runs/99',
      pull_requests: [{ number: 7, base: { sha: 'b'.repeat(40) }, head: { sha: 'c'.repeat(40) } }],
    },
  };

  /** The workflow_run job posting the report.json in `dir`. */
  const postReport = (dir: string) =>
    runAction({
      workspace: dir,
      eventName: 'workflow_run',
      event,
      apiUrl,
      inputs: { mode: 'report', 'json-file': 'report.json' },
    });

  it('cuts a 300-character title and a huge message to the annotation limits', async () => {
    const dir = report([
      finding({ title: 'T'.repeat(300), message: `${'m'.repeat(4000)}\u001b[2J\n::error::x` }),
    ]);
    const run = await runAction({
      workspace: dir,
      eventName: 'workflow_run',
      event,
      apiUrl,
      inputs: { mode: 'report', 'json-file': 'report.json', annotations: 'all' },
    });
    expect(run.code).toBe(0);
    const [annotation] = github.checkRuns[0].annotations as Array<{
      title: string;
      message: string;
    }>;
    expect([...annotation.title].length).toBeLessThanOrEqual(255);
    // eslint-disable-next-line no-control-regex
    expect(annotation.message).not.toMatch(/[\u001b]|\n::error/);
    expect(bytes(annotation.message)).toBeLessThanOrEqual(64 * 1024);
  });

  it.each(['symlink', 'fifo'])(
    'refuses a report file that is a %s, without hanging',
    async (kind) => {
      const dir = report([finding({})]);
      const real = path.join(dir, 'real.json');
      writeFileSync(real, readFileSync(path.join(dir, 'report.json')));
      rmSync(path.join(dir, 'report.json'));
      if (kind === 'symlink') symlinkSync(real, path.join(dir, 'report.json'));
      else execFileSync('mkfifo', [path.join(dir, 'report.json')]);
      const run = await postReport(dir);
      expect(run.code).toBe(1);
      expect(run.stdout).toMatch(
        /::error::(cannot read the report|invalid report: .* is not a regular file)/,
      );
      expect(github.requests).toEqual([]);
    },
  );

  it.each(['./deploy/web.yaml', 'deploy\\web.yaml', 'deploy//web.yaml'])(
    'refuses a finding path %s that is not a plain relative / path',
    async (file) => {
      const dir = report([finding({ file })]);
      const run = await postReport(dir);
      expect(run.code).toBe(1);
      expect(run.stdout).toContain('::error::invalid report: findings[0].file does not match');
      expect(github.requests).toEqual([]);
    },
  );
});

describe('report files the pull request planted as symlinks', () => {
  it('replaces a symlinked json-file instead of writing through it', async () => {
    const outside = mkdtempSync(path.join(tmpdir(), 'kpg-limits-outside-'));
    temps.push(outside);
    const victim = path.join(outside, 'victim.txt');
    writeFileSync(victim, 'precious\n');
    const repo = pullRequest({ 'deploy/web.yaml': risky('web') });
    temps.push(repo.root);
    symlinkSync(victim, path.join(repo.root, 'report.json'));
    symlinkSync(victim, path.join(repo.root, 'results.sarif'));
    const run = await runOnPullRequest(repo, apiUrl, {
      'json-file': 'report.json',
      'sarif-file': 'results.sarif',
    });
    expect(run.code).toBe(1);
    expect(readFileSync(victim, 'utf8')).toBe('precious\n');
    for (const name of ['report.json', 'results.sarif']) {
      const file = path.join(repo.root, name);
      expect(lstatSync(file).isSymbolicLink()).toBe(false);
      expect(JSON.parse(readFileSync(file, 'utf8'))).toBeTruthy();
    }
  });

  it('refuses a report folder that is a symlink leading out of the repository', async () => {
    const outside = mkdtempSync(path.join(tmpdir(), 'kpg-limits-outside-'));
    temps.push(outside);
    const repo = pullRequest({ 'deploy/web.yaml': risky('web') });
    temps.push(repo.root);
    symlinkSync(outside, path.join(repo.root, 'out'));
    const run = await runOnPullRequest(repo, apiUrl, { 'sarif-file': 'out/results.sarif' });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(
      /::error::refusing to write .*out\/results\.sarif: its folder is a link that leads out of the repository/,
    );
    expect(() => lstatSync(path.join(outside, 'results.sarif'))).toThrow();
  });
});
