// A throwaway git repository for tests that need history (base vs head).
import { execFileSync } from 'node:child_process';
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface Repo {
  root: string;
  git: (...args: string[]) => string;
  write: (file: string, text: string) => void;
}

/** git and file writes in the repository at `root`, with a committer identity of its own. */
function openRepo(root: string): Repo {
  const git = (...args: string[]) =>
    execFileSync('git', args, {
      cwd: root,
      encoding: 'utf8',
      env: {
        ...process.env,
        GIT_AUTHOR_NAME: 't',
        GIT_AUTHOR_EMAIL: 't@t',
        GIT_COMMITTER_NAME: 't',
        GIT_COMMITTER_EMAIL: 't@t',
      },
    });
  const write = (file: string, text: string) => {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  };
  return { root, git, write };
}

/** A new repository on branch main. */
export function gitRepo(): Repo {
  const repo = openRepo(mkdtempSync(path.join(tmpdir(), 'kpg-git-')));
  repo.git('init', '-q', '-b', 'main');
  return repo;
}

export interface PullRequestRepo extends Repo {
  baseSha: string;
  headSha: string;
  /** The `synchronize` event for the head. */
  event: PullRequestEvent;
  /** Commits `files` on the feature branch: a later push, with its sha and event. */
  commit: (files: Record<string, string>, message: string) => Push;
  /** The same repository in a new temporary folder, for a test that runs in or changes it:
   *  cheaper than building it again (a plain copy, no git commands). */
  copy: () => PullRequestRepo;
}

interface Push {
  headSha: string;
  event: PullRequestEvent;
}

interface PullRequestEvent {
  action: 'synchronize';
  number: number;
  pull_request: { number: number; base: { sha: string; ref: string }; head: { sha: string } };
}

function pushEvent(baseSha: string, headSha: string): Push {
  return {
    headSha,
    event: {
      action: 'synchronize',
      number: 7,
      pull_request: { number: 7, base: { sha: baseSha, ref: 'main' }, head: { sha: headSha } },
    },
  };
}

function pullRequestAt(repo: Repo, baseSha: string, headSha: string): PullRequestRepo {
  const commit = (files: Record<string, string>, message: string) => {
    for (const [file, text] of Object.entries(files)) repo.write(file, text);
    repo.git('add', '.');
    repo.git('commit', '-qm', message);
    return pushEvent(baseSha, repo.git('rev-parse', 'HEAD').trim());
  };
  const copy = () => {
    const root = mkdtempSync(path.join(tmpdir(), 'kpg-git-'));
    cpSync(repo.root, root, { recursive: true });
    return pullRequestAt(openRepo(root), baseSha, headSha);
  };
  return { ...repo, baseSha, commit, copy, ...pushEvent(baseSha, headSha) };
}

/**
 * A pull request as the Action sees it: main holds `base` (and the first-rules policy file), a
 * feature branch, checked out, commits `head`. `commit` adds later pushes to the same branch;
 * each gives its sha and the `synchronize` event for it.
 */
export function pullRequestRepo(
  base: Record<string, string>,
  head: Record<string, string>,
): PullRequestRepo {
  const repo = gitRepo();
  copyFileSync(
    path.resolve('test/fixtures/policies/first-rules.yaml'),
    path.join(repo.root, '.kube-policy-gate.yaml'),
  );
  for (const [file, text] of Object.entries(base)) repo.write(file, text);
  repo.git('add', '.');
  repo.git('commit', '-qm', 'base');
  const baseSha = repo.git('rev-parse', 'HEAD').trim();
  repo.git('checkout', '-qb', 'feature');
  for (const [file, text] of Object.entries(head)) repo.write(file, text);
  repo.git('add', '.');
  repo.git('commit', '-qm', 'head');
  return pullRequestAt(repo, baseSha, repo.git('rev-parse', 'HEAD').trim());
}
