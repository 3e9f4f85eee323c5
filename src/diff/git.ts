// git as the base scan and the changed lines run it: fenced in like helm (docs/security.md). In a
// pull request the work tree, its .gitattributes and its .gitignore are the author's, and git
// runs programs that configuration names: an fsmonitor, hooks, clean/smudge filters, textconv
// and external diff drivers. So git gets
// - no environment of ours but the absolute PATH folders (and on Windows what programs need to
//   start): no HOME, no GIT_DIR/GIT_WORK_TREE/GIT_CONFIG_* or any other GIT_* of the runner, no
//   token; no system or global configuration (so no git-lfs filter a runner installs there),
//   never a terminal prompt;
// - the fsmonitor and hooks turned off and the `ext::` transport (a command) refused, on top of
//   any configuration;
// - every filter driver the repository's configuration defines (.git/config and what it
//   includes) emptied, so a `filter=` attribute runs nothing, even where git hashes a work tree
//   file to compare it;
// - only commands that run no other program: callers pass --no-ext-diff and --no-textconv to
//   diff, read blobs with `cat-file --batch` (no filters), and never check out.
import { execFile, spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { devNull } from 'node:os';
import { promisify } from 'node:util';
import { findExecutable, type ToolEnvironment } from '../sources/tools.js';

const execFileAsync = promisify(execFile);

/** Configuration given on every command line: it wins over the repository's. */
const FENCE = [
  ['core.fsmonitor', ''],
  ['core.hooksPath', devNull],
  ['protocol.ext.allow', 'never'],
] as const;

export class GitUnavailableError extends Error {}

/** git in one repository, fenced in. */
export interface Git {
  /** Runs `git ARGS` in the repository and resolves to its stdout (rejects with its stderr). */
  run(args: readonly string[], options?: { maxBuffer?: number }): Promise<Buffer>;
  /** Starts `git ARGS` with pipes, for a command fed on stdin. */
  spawn(args: readonly string[]): ChildProcessWithoutNullStreams;
}

/** The variables git runs with: none of ours but the absolute PATH folders. */
export function gitEnvironment({
  searchPath = [],
  inherited = {},
}: ToolEnvironment): Record<string, string> {
  const { PATH: _path, ...startup } = inherited;
  return {
    ...startup,
    PATH: searchPath.join(process.platform === 'win32' ? ';' : ':'),
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: devNull,
    GIT_ATTR_NOSYSTEM: '1',
    GIT_TERMINAL_PROMPT: '0',
    // Reading commands need not write the index (and never wait for another git's lock).
    GIT_OPTIONAL_LOCKS: '0',
  };
}

const fenceArgs = FENCE.flatMap(([key, value]) => ['-c', `${key}=${value}`]);

/**
 * git for the repository at `root`: the first `git` in the tool environment's PATH folders,
 * with the repository's filter drivers emptied. Rejects with GitUnavailableError without git.
 */
export async function openGit(root: string, tools: ToolEnvironment): Promise<Git> {
  const file = await findExecutable(tools.searchPath, 'git');
  if (!file) throw new GitUnavailableError('git not found in PATH');
  const env = gitEnvironment(tools);
  const run = (args: readonly string[], extraEnv: Record<string, string>, maxBuffer: number) =>
    execFileAsync(file, [...fenceArgs, ...args], {
      cwd: root,
      env: { ...env, ...extraEnv },
      maxBuffer,
      encoding: 'buffer',
      windowsHide: true,
    }).then(({ stdout }) => stdout);
  // Without the global configuration, where actions/checkout puts it, safe.directory comes here.
  const trusted: Array<[string, string]> = tools.trustedRepository
    ? [['safe.directory', tools.trustedRepository]]
    : [];
  const drivers = await filterDrivers((args) => run(args, configEnv(trusted), 16 * 1024 * 1024));
  const config = configEnv([
    ...trusted,
    ...drivers.flatMap((name): Array<[string, string]> => [
      [`filter.${name}.clean`, ''],
      [`filter.${name}.smudge`, ''],
      [`filter.${name}.process`, ''],
      // A required filter that runs nothing would make git fail instead.
      [`filter.${name}.required`, 'false'],
    ]),
  ]);
  return {
    run: (args, { maxBuffer = 256 * 1024 * 1024 } = {}) => run(args, config, maxBuffer),
    spawn: (args) =>
      spawn(file, [...fenceArgs, ...args], {
        cwd: root,
        env: { ...env, ...config },
        stdio: 'pipe',
        windowsHide: true,
      }),
  };
}

/** Configuration as variables (GIT_CONFIG_COUNT/KEY/VALUE): unlike `-c`, a key may hold '=',
 *  as a filter driver's name may. */
function configEnv(pairs: ReadonlyArray<readonly [string, string]>): Record<string, string> {
  const env: Record<string, string> = { GIT_CONFIG_COUNT: String(pairs.length) };
  pairs.forEach(([key, value], index) => {
    env[`GIT_CONFIG_KEY_${index}`] = key;
    env[`GIT_CONFIG_VALUE_${index}`] = value;
  });
  return env;
}

/** The filter drivers the repository's configuration defines (`filter.<name>.<key>`). */
async function filterDrivers(run: (args: readonly string[]) => Promise<Buffer>): Promise<string[]> {
  // Exit 1: none defined. Outside a repository there is no configuration of its own either.
  const listed = await run(['config', '-z', '--name-only', '--get-regexp', '^filter\\.']).catch(
    () => Buffer.alloc(0),
  );
  const names = new Set<string>();
  for (const key of listed.toString('utf8').split('\0')) {
    const last = key.lastIndexOf('.');
    if (key.startsWith('filter.') && last > 'filter.'.length) {
      names.add(key.slice('filter.'.length, last));
    }
  }
  return [...names];
}
