import { chownSync, rmSync } from 'node:fs';
import { devNull } from 'node:os';
import { afterEach, describe, expect, it } from 'vitest';
import { gitRepo } from '../../test/support/git.js';
import { toolEnvironment } from '../sources/tools.js';
import { gitEnvironment, GitUnavailableError, openGit } from './git.js';

const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

describe('gitEnvironment', () => {
  it('passes the absolute PATH folders and nothing else of ours', () => {
    const tools = toolEnvironment(
      {
        PATH: '/usr/bin:bin::.:/bin',
        HOME: '/home/runner',
        GIT_DIR: '/elsewhere/.git',
        GIT_CONFIG_PARAMETERS: "'core.fsmonitor'='x'",
        GITHUB_TOKEN: 'ghs_secret',
      },
      undefined,
      'linux',
    );
    expect(gitEnvironment(tools)).toEqual({
      PATH: '/usr/bin:/bin',
      GIT_CONFIG_NOSYSTEM: '1',
      GIT_CONFIG_GLOBAL: devNull,
      GIT_ATTR_NOSYSTEM: '1',
      GIT_TERMINAL_PROMPT: '0',
      GIT_OPTIONAL_LOCKS: '0',
    });
  });
});

describe('openGit', () => {
  it('fails with GitUnavailableError when no PATH folder has git', async () => {
    await expect(openGit('.', { searchPath: [] })).rejects.toThrow(GitUnavailableError);
  });

  // Only root can give a repository to another user.
  it.skipIf(process.getuid?.() !== 0)(
    "opens another user's repository only when the entry point trusts it (safe.directory)",
    async () => {
      const repo = gitRepo();
      roots.push(repo.root);
      repo.write('a.yaml', 'kind: ConfigMap\n');
      repo.git('add', '-A');
      repo.git('commit', '-qm', 'a');
      chownSync(repo.root, 4242, 4242);
      chownSync(`${repo.root}/.git`, 4242, 4242);
      const tools = toolEnvironment(process.env);
      const refused = await openGit(repo.root, tools);
      await expect(refused.run(['rev-parse', 'HEAD'])).rejects.toThrow(/dubious ownership/);
      const trusted = await openGit(repo.root, { ...tools, trustedRepository: repo.root });
      expect((await trusted.run(['rev-parse', 'HEAD'])).toString().trim()).toMatch(
        /^[0-9a-f]{40}$/,
      );
    },
  );
});
