// The Octokit calls against the fake GitHub: batching, sticky matching, retries.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCheckRun } from '../../src/github/checks.js';
import { createClient, isPermissionDenied, type GitHubClient } from '../../src/github/client.js';
import { stickyMarker, upsertStickyComment } from '../../src/github/comment.js';
import { FakeGitHub } from './fake-github.js';

let github: FakeGitHub;
let octokit: GitHubClient;
const target = { owner: 'acme', repo: 'deploy', issueNumber: 3 };

beforeEach(async () => {
  github = new FakeGitHub();
  octokit = createClient('ghs_test', { baseUrl: await github.start(), retryBaseMs: 1 });
});
afterEach(async () => github.stop());

describe('check run', () => {
  it('sends 50 annotations per request: create, then updates that append', async () => {
    const annotations = Array.from({ length: 101 }, (_, i) => ({
      path: 'a.yaml',
      start_line: i + 1,
      end_line: i + 1,
      annotation_level: 'warning' as const,
      message: `m${i}`,
    }));
    const run = await createCheckRun(octokit, {
      owner: 'acme',
      repo: 'deploy',
      headSha: 'b'.repeat(40),
      conclusion: 'failure',
      title: 't',
      summary: 's',
      annotations,
    });
    expect(run.requests).toBe(3);
    const sizes = github
      .writes()
      .map((r) => [
        r.method,
        (r.body as { output: { annotations: unknown[] } }).output.annotations.length,
      ]);
    expect(sizes).toEqual([
      ['POST', 50],
      ['PATCH', 50],
      ['PATCH', 1],
    ]);
    expect(github.checkRuns[0].annotations.map((a) => a.message)).toEqual(
      annotations.map((a) => a.message),
    );
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
