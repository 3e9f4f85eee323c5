// The external tools a scan runs (helm, kustomize, kubectl) and what they get from our
// environment. Only the entry points read the environment: they build one ToolEnvironment with
// toolEnvironment() from the process's variables and pass it down through the scan options; the
// sources take it as a parameter and never read an environment variable themselves.
import { constants } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import path from 'node:path';

export interface ToolEnvironment {
  /** The helm binary named by `--helm` or `$HELM_BIN`; without it, the first `helm` on
   *  `searchPath`. A bare name (`helm3`) is looked up by the system in the inherited PATH. */
  helm?: string;
  /** The absolute PATH folders tools are looked up in, in order (default: none). */
  searchPath?: readonly string[];
  /** The only variables of our environment a tool process inherits: PATH, and on Windows what
   *  programs need to start. Never a token, INPUT_*, ACTIONS_* or credentials (default: none). */
  inherited?: Readonly<Record<string, string>>;
  /** A repository git may open although another user owns it (`safe.directory`): the Action's
   *  workspace, which the workflow checked out, in a container job that runs as another user. */
  trustedRepository?: string;
}

/** What one run of a Go tool (a helm render, a kustomize build) may use: how many run at once
 *  follows from it and the free memory. */
export const MEMORY_PER_GO_RUN_BYTES = 512 * 1024 * 1024;

/**
 * Go's garbage collector in each run of helm, kubectl or kustomize: off until the heap nears
 * what a run may use (a soft limit, GOMEMLIMIT), so it collects only in a run that needs that
 * much. A run lives a fraction of a second and most of what it allocates stays live until it
 * prints; collecting at Go's default pace cost about a fifth of helm's CPU on the corpus charts
 * and of `kubectl kustomize`'s on the bench's overlays.
 */
export const GO_RUN_GC: Readonly<Record<string, string>> = {
  GOGC: 'off',
  GOMEMLIMIT: `${MEMORY_PER_GO_RUN_BYTES / (1024 * 1024)}MiB`,
};

/** Windows programs do not start without these. */
const WINDOWS_STARTUP_VARIABLES = ['SystemRoot', 'SYSTEMROOT', 'WINDIR', 'PATHEXT'];

/**
 * The tool environment that environment variables describe. `explicitHelm` (`--helm`, the
 * `helm` input) wins over `$HELM_BIN`. Empty and relative PATH entries (``, `.`, `bin`) mean
 * folders of the current directory, the repository: they are not searched, so a pull
 * request's own `helm` or `kubectl` never runs.
 */
export function toolEnvironment(
  env: Readonly<Record<string, string | undefined>>,
  explicitHelm?: string,
  platform: NodeJS.Platform = process.platform,
): ToolEnvironment {
  const inherited: Record<string, string> = { PATH: env.PATH ?? '' };
  if (platform === 'win32') {
    for (const name of WINDOWS_STARTUP_VARIABLES) {
      if (env[name]) inherited[name] = env[name];
    }
  }
  const delimiter = platform === 'win32' ? ';' : ':';
  const helm = explicitHelm || env.HELM_BIN || undefined;
  return {
    ...(helm ? { helm } : {}),
    searchPath: (env.PATH ?? '').split(delimiter).filter((dir) => isAbsoluteOn(platform, dir)),
    inherited,
  };
}

function isAbsoluteOn(platform: NodeJS.Platform, dir: string): boolean {
  return platform === 'win32' ? path.win32.isAbsolute(dir) : path.posix.isAbsolute(dir);
}

/** The first executable file named `name` in the search path (`name.exe` first on Windows). */
export async function findExecutable(
  searchPath: readonly string[] | undefined,
  name: string,
): Promise<string | undefined> {
  const names = process.platform === 'win32' ? [`${name}.exe`, name] : [name];
  for (const dir of searchPath ?? []) {
    for (const file of names) {
      const candidate = path.join(dir, file);
      if (await isExecutableFile(candidate)) return candidate;
    }
  }
  return undefined;
}

async function isExecutableFile(file: string): Promise<boolean> {
  try {
    // Directories pass X_OK too, so check that it is a file.
    if (!(await stat(file)).isFile()) return false;
    await access(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
