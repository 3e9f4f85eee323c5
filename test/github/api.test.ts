// The Octokit calls against the fake GitHub: batching, sticky matching, retries.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCheckRun } from '../../src/github/checks.js';
import {
  API_VERSION,
  createClient,
  isPermissionDenied,
  isRateLimited,
  type GitHubClient,
} from '../../src/github/client.js';
import { findStickyComment, stickyMarker, upsertStickyComment } from '../../src/github/comment.js';
import { FakeGitHub } from './fake-github.js';

let github: FakeGitHub;
let octokit: GitHubClient;
let baseUrl: string;
const target = { owner: 'acme', repo: 'deploy', issueNumber: 3 };

beforeEach(async () => {
  github = new FakeGitHub();
  baseUrl = await github.start();
  octokit = createClient('ghs_test', { baseUrl, retryBaseMs: 1 });
});
afterEach(async () => github.stop());

const annotations = Array.from({ length: 101 }, (_, i) => ({
  path: 'a.yaml',
  start_line: i + 1,
  end_line: i + 1,
  annotation_level: 'warning' as const,
  message: `m${i}`,
}));
const checkInput = {
  owner: 'acme',
  repo: 'deploy',
  headSha: 'b'.repeat(40),
  conclusion: 'failure' as const,
  title: 't',
  summary: 'FULL SUMMARY',
  batchSummary: (sent: number, total: number) => `short ${sent}/${total}`,
  annotations,
  externalId: 'cfg:1',
  appSlug: 'github-actions',
};

describe('check run', () => {
  it('sends 50 annotations per request, a short summary per batch and the full one last', async () => {
    const run = await createCheckRun(octokit, checkInput);
    expect(run).toMatchObject({ requests: 4, action: 'created', annotations: 101 });
    const writes = github.writes().map((r) => {
      const { output } = r.body as { output: { annotations: unknown[]; summary: string } };
      return [r.method, output.annotations.length, output.summary];
    });
    expect(writes).toEqual([
      ['POST', 50, 'short 50/101'],
      ['PATCH', 50, 'short 100/101'],
      ['PATCH', 1, 'FULL SUMMARY'],
    ]);
    expect(github.checkRuns[0].annotations.map((a) => a.message)).toEqual(
      annotations.map((a) => a.message),
    );
    expect(github.checkRuns[0].output.summary).toBe('FULL SUMMARY');
  });

  it('a re-run for the same head updates its own check run, sending only missing annotations', async () => {
    // Another app's check run of the same name and id is never touched.
    github.seedCheckRun({
      name: 'kube-policy-gate',
      head_sha: checkInput.headSha,
      external_id: 'cfg:1',
      app: { slug: 'someone-else' },
      output: {},
      annotations: [],
    });
    const first = await createCheckRun(octokit, {
      ...checkInput,
      annotations: annotations.slice(0, 60),
    });
    const again = await createCheckRun(octokit, { ...checkInput, conclusion: 'success' });
    expect(again).toMatchObject({ action: 'updated', id: first.id });
    const ours = github.checkRuns.filter((r) => r.app.slug === 'github-actions');
    expect(ours).toHaveLength(1);
    expect(ours[0].annotations.map((a) => a.message)).toEqual(annotations.map((a) => a.message));
    expect(ours[0].conclusion).toBe('success');
    // A third run has nothing to add: one update with no annotations.
    const before = github.writes().length;
    await createCheckRun(octokit, checkInput);
    const last = github.writes().slice(before);
    expect(last).toHaveLength(1);
    expect(
      (last[0].body as { output: { annotations?: unknown } }).output.annotations,
    ).toBeUndefined();
    expect(ours[0].annotations).toHaveLength(101);
  });

  it('keeps the check runs of two configurations on one head apart', async () => {
    await createCheckRun(octokit, { ...checkInput, annotations: [] });
    await createCheckRun(octokit, { ...checkInput, annotations: [], externalId: 'cfg:2' });
    await createCheckRun(octokit, { ...checkInput, annotations: [], conclusion: 'success' });
    expect(github.checkRuns.map((r) => [r.external_id, r.conclusion])).toEqual([
      ['cfg:1', 'success'],
      ['cfg:2', 'failure'],
    ]);
  });

  it('sends X-GitHub-Api-Version and never asks GET /user', async () => {
    await createCheckRun(octokit, checkInput);
    await upsertStickyComment(octokit, target, stickyMarker('x'), `${stickyMarker('x')}\n`, {
      create: true,
    });
    expect(github.requests.every((r) => r.headers['x-github-api-version'] === API_VERSION)).toBe(
      true,
    );
    expect(github.requests.some((r) => r.path === '/user')).toBe(false);
  });
});

describe('rate limits', () => {
  it('waits out a 429 retry-after instead of retrying blindly', async () => {
    octokit = createClient('ghs_test', { baseUrl, retryBaseMs: 1000 });
    github.rateLimits.push({
      method: 'POST',
      path: /comments$/,
      status: 429,
      times: 1,
      retryAfterS: 1,
    });
    await upsertStickyComment(octokit, target, stickyMarker('x'), `${stickyMarker('x')}\n`, {
      create: true,
    });
    const posts = github.requests.filter((r) => r.method === 'POST');
    expect(posts.map((r) => r.status)).toEqual([429, 201]);
    expect(posts[1].at - posts[0].at).toBeGreaterThanOrEqual(950);
  });

  it('does not wait for a primary limit that resets in 50 minutes, and calls it a rate limit', async () => {
    github.rateLimits.push({
      method: 'GET',
      path: /comments$/,
      status: 403,
      times: 5,
      resetS: 3000,
    });
    const error = await findStickyComment(octokit, target, stickyMarker('x')).catch(
      (e: unknown) => e,
    );
    expect(github.requests).toHaveLength(1);
    expect(isRateLimited(error)).toBe(true);
    expect(isPermissionDenied(error)).toBe(false);
  });

  it('waits out a primary limit that resets within a minute', async () => {
    github.rateLimits.push({ method: 'GET', path: /comments$/, status: 403, times: 1, resetS: 1 });
    expect(await findStickyComment(octokit, target, stickyMarker('x'))).toBeUndefined();
    expect(github.requests.map((r) => r.status)).toEqual([403, 200]);
  });

  it('calls a persistent secondary limit a rate limit, not a missing permission', async () => {
    github.rateLimits.push({
      method: 'POST',
      path: /check-runs$/,
      status: 403,
      times: 10,
      retryAfterS: 0,
      secondary: true,
    });
    const error = await createCheckRun(octokit, checkInput).catch((e: unknown) => e);
    expect(isRateLimited(error)).toBe(true);
    expect(isPermissionDenied(error)).toBe(false);
  });
});

describe('sticky comment', () => {
  const marker = stickyMarker('.kube-policy-gate.yaml:abc');

  it('creates, leaves an identical body alone, updates a changed one, and skips when told', async () => {
    expect(
      await upsertStickyComment(octokit, { ...target, issueNumber: 4 }, marker, `${marker}\nx`, {
        create: false,
      }),
    ).toEqual({
      action: 'skipped',
    });
    const created = await upsertStickyComment(octokit, target, marker, `${marker}\none`, {
      create: true,
    });
    expect(created.action).toBe('created');
    const same = await upsertStickyComment(octokit, target, marker, `${marker}\none`, {
      create: true,
    });
    expect(same).toMatchObject({ action: 'unchanged', id: created.id });
    const updated = await upsertStickyComment(octokit, target, marker, `${marker}\ntwo`, {
      create: false,
    });
    expect(updated).toMatchObject({ action: 'updated', id: created.id });
    expect(github.comments.get(3)!.map((c) => c.body)).toEqual([`${marker}\ntwo`]);
  });

  it('keeps comments of other configurations apart', async () => {
    const other = stickyMarker('policies/strict.yaml:def');
    await upsertStickyComment(octokit, target, marker, `${marker}\nA`, { create: true });
    await upsertStickyComment(octokit, target, other, `${other}\nB`, { create: true });
    expect(github.comments.get(3)!.map((c) => c.body)).toEqual([`${marker}\nA`, `${other}\nB`]);
  });

  it('is only ever ours: not a human quoting the marker, not another bot', async () => {
    const human = github.seedComment(3, `${marker}\n> quoted`, { login: 'alice', type: 'User' });
    const bot = github.seedComment(3, `${marker}\nother bot`, {
      login: 'renovate[bot]',
      type: 'Bot',
    });
    const created = await upsertStickyComment(octokit, target, marker, `${marker}\nours`, {
      create: true,
    });
    expect(created.action).toBe('created');
    expect([human.body, bot.body]).toEqual([`${marker}\n> quoted`, `${marker}\nother bot`]);
    expect(github.requests.some((r) => r.path === '/user')).toBe(false);
  });

  it('reads the thread newest first and stops at our comment', async () => {
    for (let i = 0; i < 120; i++)
      github.seedComment(3, `chatter ${i}`, { login: 'dev', type: 'User' });
    const ours = github.seedComment(3, `${marker}\nold`, {
      login: 'github-actions[bot]',
      type: 'Bot',
    });
    for (let i = 0; i < 130; i++)
      github.seedComment(3, `more ${i}`, { login: 'dev', type: 'User' });
    github.requests.length = 0;
    const found = await findStickyComment(octokit, target, marker);
    expect(found?.id).toBe(ours.id);
    // Page 1 (for the Link header), then the last page (3), then page 2, where it is.
    expect(github.requests.map((r) => r.query.get('page'))).toEqual(['1', '3', '2']);
  });

  it('cannot be closed early by a hostile identity', () => {
    expect(stickyMarker('x --> <img src=x>')).toBe(
      '<!-- kube-policy-gate:sticky id=x_-___img_src_x_ -->',
    );
  });

  it('tells a 403 from other failures, after retrying a 5xx', async () => {
    github.failures.push({ method: 'POST', path: /comments$/, status: 500, times: 5 });
    const error = await upsertStickyComment(octokit, target, marker, `${marker}\nA`, {
      create: true,
    }).catch((e: unknown) => e);
    expect(isPermissionDenied(error)).toBe(false);
    expect((error as { status: number }).status).toBe(500);
    // The first try and three retries.
    expect(github.requests.filter((r) => r.method === 'POST')).toHaveLength(4);
  });
});
