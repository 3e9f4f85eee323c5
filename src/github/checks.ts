// The check run: a `kube-policy-gate` check on the PR head with the gate as its conclusion and
// the findings as annotations. GitHub takes at most 50 annotations per request and appends the
// annotations of every update, so the first 50 go with the create call and the rest follow in
// updates; each batch carries a short summary and the last one the full summary (GitHub keeps
// the last). A re-run for the same head commit and configuration finds its check run (by
// `external_id`, among the token's own app's runs) and updates it, sending only the annotations
// it does not have yet.
import type { GitHubClient } from './client.js';

export const CHECK_RUN_NAME = 'kube-policy-gate';
export const ANNOTATIONS_PER_REQUEST = 50;
/** GitHub's limit for a check run's output summary and text, in UTF-8 bytes. */
export const CHECK_OUTPUT_MAX_BYTES = 65_535;

export interface CheckAnnotation {
  path: string;
  start_line: number;
  end_line: number;
  annotation_level: 'failure' | 'warning' | 'notice';
  message: string;
  title?: string;
  raw_details?: string;
}

export interface CheckRunInput {
  owner: string;
  repo: string;
  headSha: string;
  conclusion: 'success' | 'failure' | 'neutral';
  title: string;
  /** The full summary, at most CHECK_OUTPUT_MAX_BYTES (the caller fits it). */
  summary: string;
  /** The summary sent with each batch but the last: "annotations 51-100 of 1,000". */
  batchSummary: (sent: number, total: number) => string;
  annotations: readonly CheckAnnotation[];
  detailsUrl?: string;
  /** Identifies this configuration's check run among the head commit's. */
  externalId: string;
  /** The app whose check runs are ours (GITHUB_TOKEN: `github-actions`). */
  appSlug: string;
}

export interface CheckRunResult {
  id: number;
  url: string;
  requests: number;
  /** Annotations the check run has now. */
  annotations: number;
  action: 'created' | 'updated';
}

interface ExistingRun {
  id: number;
  html_url?: string | null;
  external_id?: string | null;
  app?: { slug?: string } | null;
  output?: { annotations_count?: number };
}

/** Our check run for this head and configuration, if an earlier run made one. */
async function findCheckRun(
  octokit: GitHubClient,
  input: CheckRunInput,
): Promise<ExistingRun | undefined> {
  try {
    const { data } = await octokit.rest.checks.listForRef({
      owner: input.owner,
      repo: input.repo,
      ref: input.headSha,
      check_name: CHECK_RUN_NAME,
      // `all`: `latest` keeps one run per name, which may be another configuration's.
      filter: 'all',
      per_page: 100,
    });
    return (data.check_runs as ExistingRun[])
      .filter((run) => run.external_id === input.externalId && run.app?.slug === input.appSlug)
      .sort((a, b) => b.id - a.id)[0];
  } catch {
    // Not found, or not allowed to list: create one, as on a first run.
    return undefined;
  }
}

export async function createCheckRun(
  octokit: GitHubClient,
  input: CheckRunInput,
): Promise<CheckRunResult> {
  const existing = await findCheckRun(octokit, input);
  // GitHub appends annotations: a re-run sends only those the check run does not have yet
  // (the scan of one commit is deterministic, so they come in the same order).
  const already = Math.min(existing?.output?.annotations_count ?? 0, input.annotations.length);
  const pending = input.annotations.slice(already);
  const batches: CheckAnnotation[][] = [];
  for (let i = 0; i < pending.length; i += ANNOTATIONS_PER_REQUEST) {
    batches.push(pending.slice(i, i + ANNOTATIONS_PER_REQUEST));
  }
  if (!batches.length) batches.push([]);
  const total = input.annotations.length;
  let sent = already;
  const output = (annotations: CheckAnnotation[], last: boolean) => {
    sent += annotations.length;
    return {
      title: input.title,
      summary: last ? input.summary : input.batchSummary(sent, total),
      ...(annotations.length ? { annotations } : {}),
    };
  };
  const common = {
    owner: input.owner,
    repo: input.repo,
    status: 'completed' as const,
    conclusion: input.conclusion,
    ...(input.detailsUrl ? { details_url: input.detailsUrl } : {}),
  };
  let id: number;
  let url: string;
  const [first, ...rest] = batches;
  if (existing) {
    const { data } = await octokit.rest.checks.update({
      ...common,
      check_run_id: existing.id,
      output: output(first, rest.length === 0),
    });
    id = data.id;
    url = data.html_url ?? existing.html_url ?? '';
  } else {
    const { data } = await octokit.rest.checks.create({
      ...common,
      name: CHECK_RUN_NAME,
      head_sha: input.headSha,
      external_id: input.externalId,
      output: output(first, rest.length === 0),
    });
    id = data.id;
    url = data.html_url ?? '';
  }
  for (const [index, batch] of rest.entries()) {
    await octokit.rest.checks.update({
      owner: input.owner,
      repo: input.repo,
      check_run_id: id,
      output: output(batch, index === rest.length - 1),
    });
  }
  return {
    id,
    url,
    requests: batches.length + 1, // and the look-up
    annotations: total,
    action: existing ? 'updated' : 'created',
  };
}
