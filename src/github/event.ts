// What the workflow was triggered by, read from GITHUB_EVENT_PATH: the pull request (numbers
// and commits) for `pull_request`, and for `workflow_run` (the fork-safe report job) the pull
// request whose head is the run's commit, found from GitHub's own data, never from the artifact.
import { existsSync, readFileSync } from 'node:fs';
import type { GitHubClient } from './client.js';

export interface PullRequestRef {
  number: number;
  baseSha: string;
  headSha: string;
}

export interface EventContext {
  name: string;
  payload: Record<string, unknown>;
  owner: string;
  repo: string;
  serverUrl: string;
  /** The commit the workflow runs on. */
  sha?: string;
  /** This workflow run's page, where the job summary is. */
  runUrl?: string;
}

const SHA = /^[0-9a-f]{40}([0-9a-f]{24})?$/;

export function readEventContext(env: NodeJS.ProcessEnv): EventContext {
  const file = env.GITHUB_EVENT_PATH;
  const payload =
    file && existsSync(file)
      ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>)
      : {};
  const [owner = '', repo = ''] = (env.GITHUB_REPOSITORY ?? '').split('/');
  const serverUrl = (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, '');
  const runUrl =
    owner && env.GITHUB_RUN_ID
      ? `${serverUrl}/${owner}/${repo}/actions/runs/${env.GITHUB_RUN_ID}`
      : undefined;
  return {
    name: env.GITHUB_EVENT_NAME ?? '',
    payload,
    owner,
    repo,
    serverUrl,
    ...(env.GITHUB_SHA ? { sha: env.GITHUB_SHA } : {}),
    ...(runUrl ? { runUrl } : {}),
  };
}

/** The pull request of a `pull_request` (or `pull_request_target`) event. */
export function pullRequestOf(event: EventContext): PullRequestRef | undefined {
  if (event.name !== 'pull_request' && event.name !== 'pull_request_target') return undefined;
  const pr = event.payload.pull_request as
    { number?: unknown; base?: { sha?: unknown }; head?: { sha?: unknown } } | undefined;
  const number = pr?.number;
  const baseSha = pr?.base?.sha;
  const headSha = pr?.head?.sha;
  if (typeof number !== 'number' || typeof baseSha !== 'string' || typeof headSha !== 'string') {
    return undefined;
  }
  if (!SHA.test(baseSha) || !SHA.test(headSha)) return undefined;
  return { number, baseSha, headSha };
}

interface WorkflowRun {
  head_sha?: string;
  head_branch?: string;
  html_url?: string;
  event?: string;
  head_repository?: { owner?: { login?: string } };
  pull_requests?: Array<{ number: number; base: { sha: string }; head: { sha: string } }>;
}

/** The `workflow_run` that produced the report: its page (for links) and head commit. */
export function workflowRunOf(event: EventContext): WorkflowRun | undefined {
  if (event.name !== 'workflow_run') return undefined;
  return event.payload.workflow_run as WorkflowRun | undefined;
}

/**
 * The open pull request whose head is the workflow run's commit. Runs from forks have an empty
 * `pull_requests`, so those are looked up by the head repository's owner and branch.
 */
export async function findRunPullRequest(
  octokit: GitHubClient,
  event: EventContext,
  run: WorkflowRun,
): Promise<PullRequestRef | undefined> {
  const headSha = run.head_sha;
  if (!headSha || !SHA.test(headSha)) return undefined;
  const listed = run.pull_requests?.find((pr) => pr.head.sha === headSha);
  if (listed) return { number: listed.number, baseSha: listed.base.sha, headSha };
  const headOwner = run.head_repository?.owner?.login;
  if (!headOwner || !run.head_branch) return undefined;
  const pulls = await octokit.paginate(octokit.rest.pulls.list, {
    owner: event.owner,
    repo: event.repo,
    state: 'open',
    head: `${headOwner}:${run.head_branch}`,
    per_page: 100,
  });
  const pr = pulls.find((pull) => pull.head.sha === headSha);
  return pr && { number: pr.number, baseSha: pr.base.sha, headSha };
}
