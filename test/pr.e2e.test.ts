// The Action on a pull request, end to end: the bundled dist/index.js in a temporary git
// repository with a base and a head commit, a pull_request event, and a fake GitHub API on
// 127.0.0.1 that enforces GitHub's limits (50 annotations per request, 65,536-character
// comments, 403 for read-only tokens).
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type FakeComment, FakeGitHub, type FakeGitHubOptions } from './github/fake-github.js';
import { type ActionRun, runAction, runOnPullRequest } from './github/run-action.js';
import { validateSarif as validate } from './github/sarif-schema.js';
import {
  gitRepo,
  pullRequestRepo as sharedPullRequestRepo,
  type PullRequestRepo,
} from './support/git.js';

const DIGEST = 'sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef';

interface Workload {
  name: string;
  image?: string;
  hostPID?: boolean;
  privileged?: boolean;
}

/** A Deployment; each option adds exactly one finding of the first-rules policy. */
function deployment({ name, image, hostPID, privileged }: Workload): string {
  return [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    `  name: ${name}`,
    'spec:',
    '  selector:',
    `    matchLabels: { app: ${name} }`,
    '  template:',
    '    metadata:',
    `      labels: { app: ${name} }`,
    '    spec:',
    ...(hostPID ? ['      hostPID: true'] : []),
    '      containers:',
    '        - name: app',
    `          image: ${image ?? `registry.example.com/${name}@${DIGEST}`}`,
    '          securityContext:',
    '            allowPrivilegeEscalation: false',
    ...(privileged ? ['            privileged: true'] : []),
    '',
  ].join('\n');
}

/**
 * A repository whose main branch has one existing finding (privileged container in legacy),
 * and a feature branch, checked out, that changes web.yaml.
 */
function pullRequestRepo(head: Record<string, string>) {
  return sharedPullRequestRepo(
    {
      'deploy/legacy.yaml': deployment({ name: 'legacy', privileged: true }),
      'deploy/web.yaml': deployment({ name: 'web' }),
    },
    head,
  );
}

/** web.yaml gains hostPID (KSV010, high) and a :latest image (KSV013, medium). */
const riskyWeb = {
  'deploy/web.yaml': deployment({
    name: 'web',
    hostPID: true,
    image: 'registry.example.com/web:latest',
  }),
  // Moves legacy's existing finding down a line without touching it.
  'deploy/legacy.yaml':
    '# owned by the legacy team\n' + deployment({ name: 'legacy', privileged: true }),
};

let github: FakeGitHub;
let apiUrl: string;

// The pull request most tests scan, built once: a test takes a copy of its own.
let riskyTemplate: PullRequestRepo;
beforeAll(() => {
  riskyTemplate = pullRequestRepo(riskyWeb);
});
const riskyPullRequest = () => riskyTemplate.copy();

async function startGitHub(options: FakeGitHubOptions = {}) {
  github = new FakeGitHub(options);
  apiUrl = await github.start();
}

beforeEach(async () => startGitHub());
afterEach(async () => github.stop());

interface SarifResult {
  ruleId: string;
  level: string;
  locations: Array<{
    physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } };
  }>;
  partialFingerprints: Record<string, string>;
}

describe('the Action on a pull request', () => {
  // The first run on the risky pull request with the default inputs, which three tests read:
  // it runs once, against a GitHub of its own, and what the tests read of that GitHub is copied
  // before any of them goes on. Only the next-push test uses that GitHub (and the repository)
  // afterwards.
  let first: {
    repo: PullRequestRepo;
    github: FakeGitHub;
    apiUrl: string;
    run: ActionRun;
    comments: FakeComment[] | undefined;
    checkRuns: FakeGitHub['checkRuns'];
    requests: FakeGitHub['requests'];
  };
  beforeAll(async () => {
    const repo = riskyPullRequest();
    const firstGitHub = new FakeGitHub();
    const firstApiUrl = await firstGitHub.start();
    const run = await runOnPullRequest(repo, firstApiUrl);
    first = {
      repo,
      github: firstGitHub,
      apiUrl: firstApiUrl,
      run,
      comments: structuredClone(firstGitHub.comments.get(7)),
      checkRuns: structuredClone(firstGitHub.checkRuns),
      requests: [...firstGitHub.requests],
    };
  });
  afterAll(async () => first.github.stop());

  it('posts one sticky comment and updates it in place on the next push', async () => {
    const { repo, run: firstRun } = first;
    expect(firstRun.code).toBe(1);
    expect(firstRun.outputs).toMatchObject({
      findings: '3',
      'new-findings': '2',
      failed: 'true',
    });
    const [comment] = first.comments!;
    expect(first.comments).toHaveLength(1);
    const body = comment.body;
    expect(body.split('\n')[0]).toMatch(/^<!-- kube-policy-gate:sticky id=\S+ -->$/);
    expect(body.split('\n')[1]).toBe(
      ':x: **kube-policy-gate failed**: 1 new finding(s) at or above `high`.',
    );
    // New findings by file, most severe first, linked to the line on the PR head and to the
    // rule's doc.
    const [newPart, existingPart] = body.split('<details><summary>1 existing finding(s)');
    expect(newPart).toContain('### New findings\n\n#### deploy/web.yaml (2)');
    expect(newPart.indexOf('- :red_circle: **[KSV010]')).toBeGreaterThan(0);
    expect(newPart.indexOf('- :red_circle: **[KSV010]')).toBeLessThan(
      newPart.indexOf('- :orange_circle: **[KSV013]'),
    );
    expect(newPart).toContain(
      `[deploy/web.yaml:12](https://github.com/acme/deploy/blob/${repo.headSha}/deploy/web.yaml#L12)`,
    );
    expect(newPart).toMatch(
      /\*\*\[KSV010\]\(https:\/\/\S+\/docs\/rules\/KSV010\.md\)\*\* Access to host PID/,
    );
    expect(newPart).toContain('KSV013');
    expect(newPart).not.toContain('KSV017');
    // The existing finding, collapsed, on its moved line.
    expect(existingPart).toContain('KSV017');
    expect(existingPart).toContain('deploy/legacy.yaml:18');
    expect(existingPart).not.toContain('KSV010');

    // The next push drops hostPID: the same comment is edited, none is added.
    const next = repo.commit(
      { 'deploy/web.yaml': deployment({ name: 'web', image: 'registry.example.com/web:latest' }) },
      'drop hostPID',
    );
    const second = await runAction({
      workspace: repo.root,
      eventName: 'pull_request',
      event: next.event,
      apiUrl: first.apiUrl,
    });
    expect(second.code).toBe(0);
    expect(first.github.comments.get(7)).toHaveLength(1);
    const commentWrites = first.github
      .writes()
      .filter((r) => r.path.includes('/comments'))
      .map((r) => `${r.method} ${r.path}`);
    expect(commentWrites).toEqual([
      'POST /repos/acme/deploy/issues/7/comments',
      `PATCH /repos/acme/deploy/issues/comments/${comment.id}`,
    ]);
    const updated = first.github.comments.get(7)![0].body;
    expect(updated).toContain('**kube-policy-gate passed**');
    expect(updated).not.toContain('KSV010');
    expect(updated).toContain(next.headSha);
  });

  it('never takes over a comment a person or another bot wrote, even one quoting the marker', async () => {
    const repo = riskyPullRequest();
    // Our marker, from the first run's comment; this GitHub has only a person's comment and
    // another bot's that carry it.
    const marker = first.comments![0].body.split('\n')[0];
    const human = github.seedComment(7, `${marker}\nlook, I can fake it`, {
      login: 'mallory',
      type: 'User',
    });
    const otherBot = github.seedComment(7, `${marker}\nanother bot`, {
      login: 'evil-app[bot]',
      type: 'Bot',
    });
    const run = await runOnPullRequest(repo, apiUrl);
    expect(run.code).toBe(1);
    expect(human.body).toBe(`${marker}\nlook, I can fake it`);
    expect(otherBot.body).toBe(`${marker}\nanother bot`);
    const comments = github.comments.get(7)!;
    expect(comments.map((c) => c.user.login)).toEqual([
      'mallory',
      'evil-app[bot]',
      'github-actions[bot]',
    ]);
    // Ours is known by the token's identity (github-actions[bot]): no GET /user, which a
    // GITHUB_TOKEN may not call.
    expect([...first.requests, ...github.requests].some((r) => r.path === '/user')).toBe(false);
  });

  it('works from a shallow checkout of the head, fetching the base commit', async () => {
    const origin = riskyPullRequest();
    const clone = mkdtempSync(path.join(tmpdir(), 'kpg-clone-'));
    origin.git('clone', '-q', '--depth=1', '--branch=feature', `file://${origin.root}`, clone);
    const run = await runAction({
      workspace: clone,
      eventName: 'pull_request',
      event: origin.event,
      apiUrl,
    });
    expect(run.code).toBe(1);
    expect(run.outputs).toMatchObject({ findings: '3', 'new-findings': '2' });
    expect(github.checkRuns[0].annotations.map((a) => [a.path, a.start_line])).toEqual([
      ['deploy/web.yaml', 12],
      ['deploy/web.yaml', 15],
    ]);
  });

  it('annotates only the lines the pull request added, through a check run on the head', async () => {
    const { repo, run } = first;
    expect(run.code).toBe(1);
    expect(first.checkRuns).toHaveLength(1);
    const [check] = first.checkRuns;
    expect(check).toMatchObject({
      name: 'kube-policy-gate',
      head_sha: repo.headSha,
      status: 'completed',
      conclusion: 'failure',
    });
    // Not legacy.yaml's KSV017: it only moved.
    expect(check.annotations.map((a) => [a.path, a.start_line, a.annotation_level])).toEqual([
      ['deploy/web.yaml', 12, 'failure'],
      ['deploy/web.yaml', 15, 'warning'],
    ]);
    // The check run carries the annotations, so the log does not repeat them.
    expect(run.commands.filter((c) => c.properties.file)).toEqual([]);

    // This test's own GitHub, without that check run.
    const all = await runAction({
      workspace: riskyPullRequest().root,
      eventName: 'pull_request',
      event: repo.event,
      apiUrl,
      inputs: { annotations: 'all' },
    });
    expect(all.code).toBe(1);
    expect(github.checkRuns[0].annotations.map((a) => a.path)).toContain('deploy/legacy.yaml');
  });

  it('gates on new findings by default on pull requests, and on all with gate: all', async () => {
    // The PR only adds a medium finding; the high one was already on main.
    const repo = pullRequestRepo({
      'deploy/web.yaml': deployment({ name: 'web', image: 'registry.example.com/web:latest' }),
    });
    const byNew = await runOnPullRequest(repo, apiUrl);
    expect(byNew.code).toBe(0);
    expect(byNew.outputs).toMatchObject({ findings: '2', 'new-findings': '1', failed: 'false' });
    expect(github.checkRuns[0].conclusion).toBe('success');

    const byAll = await runOnPullRequest(repo, apiUrl, { gate: 'all' });
    expect(byAll.code).toBe(1);
    expect(byAll.outputs.failed).toBe('true');
    expect(byAll.stdout).toContain("::error::1 new of 2 finding(s); some at or above 'high'");
    // The same head and configuration: its check run is updated, not a second one made.
    expect(github.checkRuns).toHaveLength(1);
    expect(github.checkRuns[0].conclusion).toBe('failure');
    expect(github.comments.get(7)![0].body).toContain(
      '**kube-policy-gate failed**: 1 finding(s) at or above `high`',
    );
  });

  it('degrades to a warning on a read-only token: annotations, summary, files and the gate still work', async () => {
    await github.stop();
    await startGitHub({ readOnly: true });
    const repo = riskyPullRequest();
    const run = await runOnPullRequest(repo, apiUrl, {
      'sarif-file': 'results.sarif',
      'json-file': 'report.json',
    });
    expect(run.code).toBe(1); // the gate, not the 403
    const warnings = run.commands.filter((c) => c.command === 'warning' && !c.properties.file);
    expect(warnings).toHaveLength(1);
    expect(warnings[0].message).toMatch(
      /^kube-policy-gate: the token may not create the check run or post the pull request comment \(HTTP 403\)/,
    );
    expect(warnings[0].message).toContain('pull-requests: write');
    // The fallback annotations: only the changed lines, most severe first.
    const annotations = run.commands.filter((c) => c.properties.file);
    expect(annotations.map((c) => [c.command, c.properties.file, c.properties.line])).toEqual([
      ['error', 'deploy/web.yaml', '12'],
      ['warning', 'deploy/web.yaml', '15'],
    ]);
    expect(annotations[0].properties.title).toBe('new high KSV010: Access to host PID');
    expect(run.summary).toContain('kube-policy-gate failed');
    expect(run.outputs).toMatchObject({
      findings: '3',
      'new-findings': '2',
      failed: 'true',
      'sarif-file': path.join(repo.root, 'results.sarif'),
      'json-file': path.join(repo.root, 'report.json'),
    });
    expect(JSON.parse(readFileSync(path.join(repo.root, 'report.json'), 'utf8')).summary.new).toBe(
      2,
    );
    expect(existsSync(path.join(repo.root, 'results.sarif'))).toBe(true);
    expect(github.comments.get(7)).toBeUndefined();
  });

  it('retries a 5xx reply and still posts once', async () => {
    const repo = riskyPullRequest();
    github.failures.push({ method: 'POST', path: /\/issues\/7\/comments$/, status: 502, times: 1 });
    github.failures.push({ method: 'POST', path: /\/check-runs$/, status: 503, times: 2 });
    const run = await runOnPullRequest(repo, apiUrl);
    expect(run.code).toBe(1);
    expect(run.commands.filter((c) => c.command === 'warning')).toEqual([]);
    expect(github.comments.get(7)).toHaveLength(1);
    expect(github.checkRuns).toHaveLength(1);
    expect(github.requests.filter((r) => r.method === 'POST').length).toBe(2 + 3);
  });

  it('sends annotations in batches of 50 and keeps a long comment under 65,536 characters', async () => {
    // 130 new workloads, each privileged with a long name: 130 new high findings.
    const files: Record<string, string> = {};
    for (let i = 0; i < 130; i++) {
      const name = `service-${String(i).padStart(3, '0')}-${'x'.repeat(200)}`;
      files[`deploy/many/${name}.yaml`] = deployment({ name, privileged: true });
    }
    const repo = pullRequestRepo(files);
    const run = await runOnPullRequest(repo, apiUrl);
    expect(run.code).toBe(1);
    expect(run.outputs['new-findings']).toBe('130');
    const [check] = github.checkRuns;
    expect(check.annotations).toHaveLength(130);
    const checkWrites = github.writes().filter((r) => r.path.includes('/check-runs'));
    expect(checkWrites.map((r) => r.method)).toEqual(['POST', 'PATCH', 'PATCH']);
    // A short summary with each batch, the full one (with the findings table) last.
    const summaries = checkWrites.map(
      (r) => (r.body as { output: { summary: string } }).output.summary,
    );
    expect(summaries[0]).toContain('Annotations: 50 of 130 sent so far');
    expect(summaries[1]).toContain('Annotations: 100 of 130 sent so far');
    expect(summaries[2]).toContain('| Status | Severity | Rule | File | Message | Resource |');
    expect(check.output.summary).toBe(summaries[2]);
    const body = github.comments.get(7)![0].body;
    expect(body.length).toBeLessThanOrEqual(65_536);
    const more = body.match(
      /… and (\d+) more new findings \(see the \[job summary\]\(https:\/\/github\.com\/acme\/deploy\/actions\/runs\/4242\)\)/,
    );
    expect(more).not.toBeNull();
    const listed = body.match(/^- :red_circle: \*\*\[KSV017\]/gm)!.length;
    expect(listed + Number(more![1])).toBe(130);
  });

  it('writes SARIF that validates against the SARIF 2.1.0 schema', async () => {
    const repo = riskyPullRequest();
    const run = await runOnPullRequest(repo, apiUrl, {
      'sarif-file': 'out/kpg.sarif',
      comment: 'never',
      annotations: 'none',
    });
    expect(run.outputs['sarif-file']).toBe(path.join(repo.root, 'out/kpg.sarif'));
    expect(github.requests).toEqual([]);
    const sarif = JSON.parse(readFileSync(run.outputs['sarif-file'], 'utf8'));
    expect(validate(sarif), JSON.stringify(validate.errors, null, 2)).toBe(true);

    const [runLog] = sarif.runs;
    const rules = runLog.tool.driver.rules;
    expect(rules.map((r: { id: string }) => r.id)).toEqual(['KSV010', 'KSV013', 'KSV017']);
    for (const rule of rules) {
      expect(rule.shortDescription.text).toBeTruthy();
      expect(rule.fullDescription.text).toBeTruthy();
      expect(rule.help.text).toBeTruthy();
      expect(rule.help.markdown).toContain('How to fix');
      expect(rule.helpUri).toMatch(new RegExp(`/docs/rules/${rule.id}\\.md$`));
      expect(['error', 'warning', 'note']).toContain(rule.defaultConfiguration.level);
      expect(Number(rule.properties['security-severity'])).toBeGreaterThan(0);
    }
    const json = JSON.parse(
      readFileSync(path.join(repo.root, 'out/kpg.sarif'), 'utf8'),
    ).runs[0].results.map((r: SarifResult) => ({
      ruleId: r.ruleId,
      level: r.level,
      uri: r.locations[0].physicalLocation.artifactLocation.uri,
      line: r.locations[0].physicalLocation.region.startLine,
      fingerprint: Object.keys(r.partialFingerprints),
    }));
    expect(json).toEqual([
      {
        ruleId: 'KSV017',
        level: 'error',
        uri: 'deploy/legacy.yaml',
        line: 18,
        fingerprint: ['kubePolicyGate/v1'],
      },
      {
        ruleId: 'KSV010',
        level: 'error',
        uri: 'deploy/web.yaml',
        line: 12,
        fingerprint: ['kubePolicyGate/v1'],
      },
      {
        ruleId: 'KSV013',
        level: 'warning',
        uri: 'deploy/web.yaml',
        line: 15,
        fingerprint: ['kubePolicyGate/v1'],
      },
    ]);
  });
});

describe('the Action on a push', () => {
  it('gates on all findings and caps workflow annotations at 10 per level with a closing notice', async () => {
    const repo = gitRepo();
    cpSync(
      path.resolve('test/fixtures/policies/first-rules.yaml'),
      path.join(repo.root, '.kube-policy-gate.yaml'),
    );
    // 14 high (privileged) and 14 medium (:latest) findings.
    for (let i = 0; i < 14; i++) {
      repo.write(
        `deploy/app-${i}.yaml`,
        deployment({
          name: `app-${i}`,
          privileged: true,
          image: `registry.example.com/app-${i}:latest`,
        }),
      );
    }
    repo.git('add', '.');
    repo.git('commit', '-qm', 'all');
    const run = await runAction({
      workspace: repo.root,
      eventName: 'push',
      event: { ref: 'refs/heads/main', after: repo.git('rev-parse', 'HEAD').trim() },
      apiUrl,
    });
    expect(run.code).toBe(1);
    expect(run.outputs).toMatchObject({ findings: '28', 'new-findings': '28', failed: 'true' });
    expect(github.requests).toEqual([]); // no pull request: no comment, no check run
    const count = (command: string) => run.commands.filter((c) => c.command === command).length;
    // 9 findings + the step's failure message; 10 warnings; the notice.
    expect(count('error')).toBe(10);
    expect(count('warning')).toBe(10);
    expect(count('notice')).toBe(1);
    expect(run.commands.find((c) => c.command === 'notice')!.message).toBe(
      'kube-policy-gate: 9 more finding(s) not annotated here (GitHub shows at most 10 annotations per level in a step); the job summary lists every finding.',
    );
  });
});

describe('mode: report (the fork-safe workflow_run job)', () => {
  it('posts an untrusted report without a checkout, escaping everything in it', async () => {
    // The pull_request job, with a fork's read-only token: it scans and uploads report.json.
    await github.stop();
    await startGitHub({ readOnly: true });
    const repo = riskyPullRequest();
    const scanRun = await runOnPullRequest(repo, apiUrl, {
      'json-file': 'report.json',
      comment: 'never',
    });
    expect(scanRun.code).toBe(1);
    const report = JSON.parse(readFileSync(path.join(repo.root, 'report.json'), 'utf8'));
    // The fork controls the artifact: it tries to inject HTML and links.
    report.findings[0].message = '<img src=x onerror=alert(1)> [click](https://evil.example)';
    const artifactDir = mkdtempSync(path.join(tmpdir(), 'kpg-artifact-'));
    writeFileSync(path.join(artifactDir, 'report.json'), JSON.stringify(report));

    // The workflow_run job: trusted token, no checkout, the PR found from the event.
    await github.stop();
    await startGitHub({
      pulls: [
        {
          number: 7,
          head: { sha: repo.headSha, ref: 'feature', label: 'forker:feature' },
          base: { sha: repo.baseSha },
        },
        {
          number: 8,
          head: { sha: 'f'.repeat(40), ref: 'feature', label: 'someone:feature' },
          base: { sha: repo.baseSha },
        },
      ],
      pullFiles: {
        7: [{ filename: 'deploy/web.yaml', patch: '@@ -11,0 +12 @@\n+      hostPID: true' }],
      },
    });
    const post = await runAction({
      workspace: artifactDir,
      eventName: 'workflow_run',
      event: {
        action: 'completed',
        workflow_run: {
          head_sha: repo.headSha,
          head_branch: 'feature',
          html_url: 'https://github.com/acme/deploy/actions/runs/99',
          event: 'pull_request',
          head_repository: { owner: { login: 'forker' } },
          pull_requests: [],
        },
      },
      apiUrl,
      inputs: { mode: 'report', 'json-file': 'report.json' },
    });
    expect(post.code).toBe(0); // the scan job already failed the PR's check
    expect(post.outputs).toMatchObject({ findings: '3', 'new-findings': '2', failed: 'true' });
    const body = github.comments.get(7)![0].body;
    expect(body).not.toMatch(/<img|\[click\]/);
    expect(body).toContain('&#60;img src=x onerror=alert&#40;1&#41;&#62;');
    // Links go to the scan run, where the job summary is.
    expect(body).toContain('[workflow run](https://github.com/acme/deploy/actions/runs/99)');
    expect(github.checkRuns).toHaveLength(1);
    expect(github.checkRuns[0].head_sha).toBe(repo.headSha);
    // Changed lines from pulls.listFiles: only the hostPID line.
    expect(github.checkRuns[0].annotations.map((a) => [a.path, a.start_line])).toEqual([
      ['deploy/web.yaml', 12],
    ]);
  });

  it('refuses a report that points outside the repository', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'kpg-artifact-'));
    writeFileSync(
      path.join(dir, 'report.json'),
      JSON.stringify({
        version: 1,
        summary: { failOn: 'high' },
        findings: [
          {
            ruleId: 'KSV017',
            severity: 'high',
            title: 't',
            message: 'm',
            file: '../../etc/passwd',
            line: 1,
            source: 'manifest',
            fingerprint: 'x',
          },
        ],
      }),
    );
    const run = await runAction({
      workspace: dir,
      eventName: 'workflow_run',
      event: { workflow_run: { head_sha: 'a'.repeat(40) } },
      apiUrl,
      inputs: { mode: 'report', 'json-file': 'report.json' },
    });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('::error::invalid report: findings[0].file does not match');
    expect(github.requests).toEqual([]);
  });
});
