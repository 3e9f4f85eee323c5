// The sticky pull request comment: one per PR and policy configuration, created once and
// edited in place on every later run. It is found by a hidden marker at the top of its body,
// and only among comments the token's own identity wrote (for GITHUB_TOKEN,
// `github-actions[bot]`), so neither a human nor another bot that quotes the marker is ever
// taken over. Comments are read newest first, from the last page back, stopping at ours.
import type { GitHubClient } from './client.js';

export interface StickyTarget {
  owner: string;
  repo: string;
  issueNumber: number;
}

/** Who GITHUB_TOKEN comments as. */
export const GITHUB_ACTIONS_LOGIN = 'github-actions[bot]';

export type UpsertAction = 'created' | 'updated' | 'unchanged' | 'skipped';

export interface UpsertResult {
  action: UpsertAction;
  id?: number;
  url?: string;
}

interface IssueComment {
  id: number;
  body?: string;
  html_url: string;
  user: { login: string; type: string } | null;
}

/** The hidden first line that identifies our comment for one configuration. */
export function stickyMarker(identity: string): string {
  const safe = identity.replace(/[^\w.:/-]/g, '_').replace(/-{2,}/g, '-');
  return `<!-- kube-policy-gate:sticky id=${safe} -->`;
}

/**
 * Finds the comment carrying `marker` and written by us, and replaces its body; creates it when
 * there is none and `create` allows. `body` must start with the marker.
 */
export async function upsertStickyComment(
  octokit: GitHubClient,
  target: StickyTarget,
  marker: string,
  body: string,
  { create, author = GITHUB_ACTIONS_LOGIN }: { create: boolean; author?: string },
): Promise<UpsertResult> {
  const existing = await findStickyComment(octokit, target, marker, author);
  if (existing) {
    if (existing.body === body) {
      return { action: 'unchanged', id: existing.id, url: existing.html_url };
    }
    const { data } = await octokit.rest.issues.updateComment({
      owner: target.owner,
      repo: target.repo,
      comment_id: existing.id,
      body,
    });
    return { action: 'updated', id: data.id, url: data.html_url };
  }
  if (!create) return { action: 'skipped' };
  const { data } = await octokit.rest.issues.createComment({
    owner: target.owner,
    repo: target.repo,
    issue_number: target.issueNumber,
    body,
  });
  return { action: 'created', id: data.id, url: data.html_url };
}

const PER_PAGE = 100;

/**
 * Our newest comment carrying `marker`: the pages are read from the last one back (the API
 * lists oldest first and has no sort order), and reading stops at the first match.
 */
export async function findStickyComment(
  octokit: GitHubClient,
  target: StickyTarget,
  marker: string,
  author = GITHUB_ACTIONS_LOGIN,
): Promise<IssueComment | undefined> {
  const page = async (number: number) =>
    octokit.rest.issues.listComments({
      owner: target.owner,
      repo: target.repo,
      issue_number: target.issueNumber,
      per_page: PER_PAGE,
      page: number,
    });
  const ours = (comments: IssueComment[]) =>
    comments
      .filter((comment) => comment.user?.login === author && comment.body?.startsWith(marker))
      .at(-1);
  const first = await page(1);
  const last = lastPage(first.headers.link);
  for (let number = last; number > 1; number--) {
    const found = ours((await page(number)).data as IssueComment[]);
    if (found) return found;
  }
  return ours(first.data as IssueComment[]);
}

/** The `last` page number of a Link header; 1 when there is one page. */
function lastPage(link: string | undefined): number {
  const match = link?.match(/<[^>]*[?&]page=(\d+)[^>]*>;\s*rel="last"/);
  return match ? Math.min(Number(match[1]), 1000) : 1;
}
