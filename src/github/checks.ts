// The check run: a `kube-policy-gate` check on the PR head with the gate as its conclusion and
// the findings as annotations. GitHub takes at most 50 annotations per request, so the first
// 50 go with the create call and the rest follow in updates, which append.
import type { GitHubClient } from './client.js';

export const CHECK_RUN_NAME = 'kube-policy-gate';
export const ANNOTATIONS_PER_REQUEST = 50;
/** GitHub's limit for a check run's output summary and text. */
export const CHECK_OUTPUT_MAX_CHARS = 65_535;

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
  summary: string;
  annotations: readonly CheckAnnotation[];
  detailsUrl?: string;
}

export interface CheckRunResult {
  id: number;
  url: string;
  requests: number;
}

export async function createCheckRun(
  octokit: GitHubClient,
  input: CheckRunInput,
): Promise<CheckRunResult> {
  const batches: CheckAnnotation[][] = [];
  for (let i = 0; i < input.annotations.length; i += ANNOTATIONS_PER_REQUEST) {
    batches.push(input.annotations.slice(i, i + ANNOTATIONS_PER_REQUEST));
  }
  const output = (annotations: CheckAnnotation[] = []) => ({
    title: input.title,
    summary: truncate(input.summary, CHECK_OUTPUT_MAX_CHARS),
    annotations,
  });
  const { data } = await octokit.rest.checks.create({
    owner: input.owner,
    repo: input.repo,
    name: CHECK_RUN_NAME,
    head_sha: input.headSha,
    status: 'completed',
    conclusion: input.conclusion,
    ...(input.detailsUrl ? { details_url: input.detailsUrl } : {}),
    output: output(batches[0]),
  });
  for (const batch of batches.slice(1)) {
    await octokit.rest.checks.update({
      owner: input.owner,
      repo: input.repo,
      check_run_id: data.id,
      output: output(batch),
    });
  }
  return { id: data.id, url: data.html_url ?? '', requests: Math.max(1, batches.length) };
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 2)}\n…`;
}
