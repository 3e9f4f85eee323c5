// The files a pull request changes, with their patches, from the API: where there is no local
// git history to diff (`mode: report`, or a shallow checkout).
import type { GitHubClient } from './client.js';

export interface PullRequestFile {
  filename: string;
  patch?: string;
}

export async function listPullRequestFiles(
  octokit: GitHubClient,
  target: { owner: string; repo: string; number: number },
): Promise<PullRequestFile[]> {
  return octokit.paginate(octokit.rest.pulls.listFiles, {
    owner: target.owner,
    repo: target.repo,
    pull_number: target.number,
    per_page: 100,
  });
}
