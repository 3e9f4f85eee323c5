// Locating and identifying the `helm` binary used to render charts.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { findExecutable, type ToolEnvironment } from './tools.js';

const execFileAsync = promisify(execFile);

/** `--helm PATH` or `$HELM_BIN` if given, else the first executable `helm` on the search path. */
export async function findHelm(tools: ToolEnvironment = {}): Promise<string | undefined> {
  return tools.helm ?? findHelmOnPath(tools);
}

/** The first executable `helm` on the search path, ignoring `--helm` and `$HELM_BIN`. */
export function findHelmOnPath(tools: ToolEnvironment = {}): Promise<string | undefined> {
  return findExecutable(tools.searchPath, 'helm');
}

/** Runs `helm version` and parses e.g. `v4.1.4`. */
export async function helmVersion(
  helmPath: string,
  tools: ToolEnvironment = {},
): Promise<{ major: number; version: string }> {
  let stdout: string;
  try {
    ({ stdout } = await execFileAsync(helmPath, ['version', '--template', '{{.Version}}'], {
      timeout: 15_000,
      windowsHide: true,
      // Not the runner's environment (the token): helm needs none of it to name its version.
      env: { ...tools.inherited, HELM_NO_PLUGINS: '1' },
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

function describeExecError(error: unknown): string {
  const e = error as NodeJS.ErrnoException & { killed?: boolean; stderr?: string };
  if (e.code === 'ENOENT') return 'file not found';
  if (e.code === 'EACCES') return 'not executable';
  if (e.killed) return 'timed out';
  const stderr = e.stderr?.trim().split('\n')[0];
  return stderr || e.message;
}
