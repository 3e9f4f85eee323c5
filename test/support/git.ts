// A throwaway git repository for tests that need history (base vs head).
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** A new repository on branch main, with a committer identity of its own. */
export function gitRepo(): {
  root: string;
  git: (...args: string[]) => string;
  write: (file: string, text: string) => void;
} {
  const root = mkdtempSync(path.join(tmpdir(), 'kpg-git-'));
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
  git('init', '-q', '-b', 'main');
  const write = (file: string, text: string) => {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  };
  return { root, git, write };
}

/**
 * A pull request as the Action sees it: main holds `base` (and the first-rules policy file), a
 * feature branch, checked out, commits `head`. `commit` adds later pushes to the same branch;
 * each gives its sha and the `synchronize` event for it.
 */
export function pullRequestRepo(base: Record<string, string>, head: Record<string, string>) {
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
  const commit = (files: Record<string, string>, message: string) => {
    for (const [file, text] of Object.entries(files)) repo.write(file, text);
    repo.git('add', '.');
    repo.git('commit', '-qm', message);
    const headSha = repo.git('rev-parse', 'HEAD').trim();
    return {
      headSha,
      event: {
        action: 'synchronize',
        number: 7,
        pull_request: { number: 7, base: { sha: baseSha, ref: 'main' }, head: { sha: headSha } },
      },
    };
  };
  return { ...repo, baseSha, commit, ...commit(head, 'head') };
}
