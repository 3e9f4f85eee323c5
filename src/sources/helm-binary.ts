// Locating and identifying the `helm` binary used to render charts.
import { execFile } from 'node:child_process';
import { constants } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import { delimiter, isAbsolute, join } from 'node:path';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);

/** `--helm PATH` if given, else `$HELM_BIN`, else the first executable `helm` on PATH. */
export async function findHelm(explicit?: string): Promise<string | undefined> {
  if (explicit) return explicit;
  if (process.env.HELM_BIN) return process.env.HELM_BIN;
  return findHelmOnPath();
}

/** The first executable `helm` on PATH, ignoring HELM_BIN. */
export async function findHelmOnPath(): Promise<string | undefined> {
  const names = process.platform === 'win32' ? ['helm.exe', 'helm'] : ['helm'];
  // Empty and relative PATH entries (``, `.`, `bin`) mean folders of the current directory, the
  // repository: skip them rather than run a pull request's own `helm`.
  const dirs = (process.env.PATH ?? '').split(delimiter).filter((dir) => isAbsolute(dir));
  for (const dir of dirs) {
    for (const name of names) {
      const candidate = join(dir, name);
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

/** Runs `helm version` and parses e.g. `v4.1.4`. */
export async function helmVersion(helmPath: string): Promise<{ major: number; version: string }> {
  let stdout: string;
  try {
    ({ stdout } = await execFileAsync(helmPath, ['version', '--template', '{{.Version}}'], {
      timeout: 15_000,
      windowsHide: true,
      // Not the runner's environment (the token): helm needs none of it to name its version.
      env: versionEnvironment(),
    }));
  } catch (error) {
    throw new Error(`cannot run helm at ${helmPath}: ${describeExecError(error)}`, {
      cause: error,
    });
  }
  const match = /v?(\d+)\.\d+\.\d+\S*/.exec(stdout.trim());
  if (!match) {
    throw new Error(`unexpected output from ${helmPath} version: ${JSON.stringify(stdout.trim())}`);
  }
  return { major: Number(match[1]), version: match[0].startsWith('v') ? match[0] : `v${match[0]}` };
}

function versionEnvironment(): Record<string, string> {
  const env: Record<string, string> = { PATH: process.env.PATH ?? '', HELM_NO_PLUGINS: '1' };
  for (const name of ['SystemRoot', 'SYSTEMROOT', 'WINDIR']) {
    if (process.env[name]) env[name] = process.env[name];
  }
  return env;
}

function describeExecError(error: unknown): string {
  const e = error as NodeJS.ErrnoException & { killed?: boolean; stderr?: string };
  if (e.code === 'ENOENT') return 'file not found';
  if (e.code === 'EACCES') return 'not executable';
  if (e.killed) return 'timed out';
  const stderr = e.stderr?.trim().split('\n')[0];
  return stderr || e.message;
}
