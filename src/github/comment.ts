// The sticky pull request comment: one per PR and policy configuration, created once and
// edited in place on every later run. It is found by a hidden marker at the top of its body,
// and only among comments a bot (or the token's own user) wrote, so a human comment that
// quotes the marker is never taken over.
import type { GitHubClient } from './client.js';

export interface StickyTarget {
  owner: string;
  repo: string;
  issueNumber: number;
}

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
  { create }: { create: boolean },
): Promise<UpsertResult> {
  const existing = await findStickyComment(octokit, target, marker);
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

export async function findStickyComment(
  octokit: GitHubClient,
  target: StickyTarget,
  marker: string,
): Promise<IssueComment | undefined> {
  const comments: IssueComment[] = await octokit.paginate(octokit.rest.issues.listComments, {
    owner: target.owner,
    repo: target.repo,
    issue_number: target.issueNumber,
    per_page: 100,
  });
  const marked = comments.filter((comment) => comment.body?.startsWith(marker));
  // The oldest one wins, so a rare race that posted two never moves the comment around.
  const byBot = marked.find((comment) => comment.user?.type === 'Bot');
  if (byBot || marked.length === 0) return byBot;
  // A personal access token comments as its user: ask who that is (GITHUB_TOKEN and app
  // tokens cannot, and their comments are a bot's).
  const self = await octokit.rest.users.getAuthenticated().then(
    ({ data }) => data.login,
    () => undefined,
  );
  return self === undefined ? undefined : marked.find((comment) => comment.user?.login === self);
}
