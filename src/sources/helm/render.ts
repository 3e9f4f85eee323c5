// Running `helm template` for one chart and values set, fenced in, because the chart, its values
// and the policy naming them all come from the pull request:
// - an argument array (never a shell); every flag is ours, every policy value is checked
//   (helmValueProblems) and the positionals come after `--`, so nothing is read as a flag;
// - values files are copies we write (read bounded, inside the repository); `set` pairs become
//   a values file too, never `--set` text;
// - the chart holds no symlink, FIFO or device (else it is a copy without them; chart-copy.ts);
// - a minimal environment: no token, no INPUT_*/ACTIONS_*, an empty kubeconfig, helm's homes
//   and plugins in a temp folder, so `lookup` and `.Capabilities` never reach a cluster and
//   nothing is downloaded; never --dependency-update, --validate or --dry-run=server;
// - a timeout, an output bound, chart tests skipped, dependencies never fetched.
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, realpath, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { GO_RUN_GC, MEMORY_PER_GO_RUN_BYTES, type ToolEnvironment } from '../tools.js';
import {
  DEFAULT_KUBERNETES_VERSION,
  helmValueProblems,
  RELEASE_NAME,
  setPairs,
  setPairsValues,
  type ValuesSet,
} from './values-sets.js';

export interface RenderRequest {
  helm: string;
  /** Where helm runs: its temp homes, the chart copy and our values files live here. */
  workspace: RenderWorkspace;
  /** Absolute path of the chart to render (the chart itself, or a copy: chart-copy.ts). */
  chartPath: string;
  chartName: string;
  valuesSet: ValuesSet;
  /** Absolute paths of the values files we wrote for this set, in order. */
  valuesFiles: readonly string[];
  timeoutMs: number;
}

export type RenderResult = { ok: true; output: string } | { ok: false; error: string };

const MAX_OUTPUT_BYTES = 512 * 1024 * 1024;
/** A proxy on a loopback port nothing listens on (port 9, discard, is closed here). */
const NO_NETWORK_PROXY = 'http://127.0.0.1:9';
/** Placeholder namespace for a render without a configured one (see RELEASE_NAMESPACE). */
export const INSTALL_NAMESPACE = 'kpg-install-namespace';

/** A temp folder holding helm's homes, an empty kubeconfig, chart copies and values files. */
export interface RenderWorkspace {
  dir: string;
  /** `dir` with every link resolved (macOS's temporary folder is one): helm may print either. */
  realDir: string;
  env: Record<string, string>;
  /** A fresh path inside the workspace (for a chart copy or a values file). */
  path(name: string): string;
  remove(): Promise<void>;
}

export async function createRenderWorkspace(tools: ToolEnvironment = {}): Promise<RenderWorkspace> {
  const dir = await mkdtemp(path.join(tmpdir(), 'kpg-helm-'));
  const at = (...parts: string[]) => path.join(dir, ...parts);
  for (const folder of ['home', 'cache', 'config', 'data', 'plugins', 'tmp', 'work']) {
    await mkdir(at(folder), { recursive: true });
  }
  await writeFile(at('kubeconfig'), '');
  let counter = 0;
  return {
    dir,
    realDir: await realpath(dir),
    env: helmEnvironment(dir, tools),
    path: (name) => at('work', `${++counter}-${name}`),
    remove: () => rm(dir, { recursive: true, force: true, maxRetries: 3 }),
  };
}

/**
 * The whole environment helm sees: PATH (and on Windows what programs need to start, both from
 * the tool environment), and helm's own locations inside the workspace. No GITHUB_TOKEN,
 * INPUT_*, ACTIONS_*, proxy or cloud credentials, HELM_* of the runner.
 */
export function helmEnvironment(
  dir: string,
  { inherited = {} }: ToolEnvironment = {},
): Record<string, string> {
  const at = (...parts: string[]) => path.join(dir, ...parts);
  const env: Record<string, string> = {
    ...inherited,
    PATH: inherited.PATH ?? '',
    HOME: at('home'),
    TMPDIR: at('tmp'),
    KUBECONFIG: at('kubeconfig'),
    HELM_CACHE_HOME: at('cache'),
    HELM_CONFIG_HOME: at('config'),
    HELM_DATA_HOME: at('data'),
    HELM_PLUGINS: at('plugins'),
    HELM_REGISTRY_CONFIG: at('config', 'registry.json'),
    HELM_REPOSITORY_CONFIG: at('config', 'repositories.yaml'),
    HELM_REPOSITORY_CACHE: at('cache', 'repository'),
    HELM_NO_PLUGINS: '1',
    XDG_CACHE_HOME: at('cache'),
    XDG_CONFIG_HOME: at('config'),
    XDG_DATA_HOME: at('data'),
    ...GO_RUN_GC,
    // Nothing in a render needs the network; should anything in helm try, it meets a closed
    // loopback port instead of the internet.
    HTTP_PROXY: NO_NETWORK_PROXY,
    HTTPS_PROXY: NO_NETWORK_PROXY,
    http_proxy: NO_NETWORK_PROXY,
    https_proxy: NO_NETWORK_PROXY,
    NO_PROXY: '',
    no_proxy: '',
  };
  if (process.platform === 'win32') {
    env.USERPROFILE = env.HOME;
    env.TEMP = env.TMP = env.TMPDIR;
  }
  return env;
}

/** How many renders run at once: one per core, fewer when free memory is short. */
export function renderConcurrency(
  cores = availableParallelism(),
  freeBytes = process.availableMemory(),
): number {
  const byMemory = Math.floor(freeBytes / MEMORY_PER_GO_RUN_BYTES);
  return Math.max(1, Math.min(cores, byMemory));
}

/** The release name: the configured one, else the chart's name when helm accepts it. */
export function releaseName(chartName: string, set: ValuesSet): string {
  if (set.releaseName) return set.releaseName;
  return RELEASE_NAME.test(chartName) && chartName.length <= 53 ? chartName : 'release-name';
}

export function helmTemplateArgs(
  request: Pick<RenderRequest, 'chartPath' | 'chartName' | 'valuesSet' | 'valuesFiles'> & {
    kubernetesVersion?: string;
  },
): string[] {
  const { chartPath, chartName, valuesSet, valuesFiles } = request;
  const problems = helmValueProblems(valuesSet);
  if (problems.length) {
    // The policy loader reports these with file and line; a caller that skipped it stops here.
    throw new Error(`values set '${valuesSet.name}': ${problems[0].field}: ${problems[0].message}`);
  }
  const args = ['template', '--skip-tests'];
  // Without a configured namespace the chart's namespace is chosen at install time: a
  // placeholder tells `{{ .Release.Namespace }}` apart from a literal `default`.
  args.push('--namespace', valuesSet.namespace ?? INSTALL_NAMESPACE);
  for (const file of valuesFiles) args.push('--values', file);
  args.push(
    '--kube-version',
    valuesSet.kubeVersion ?? request.kubernetesVersion ?? DEFAULT_KUBERNETES_VERSION,
  );
  for (const api of valuesSet.apiVersions ?? []) args.push('--api-versions', api);
  args.push('--', releaseName(chartName, valuesSet), chartPath);
  return args;
}

/** The `set` pairs as a values file in the workspace, or undefined when there are none. */
export async function writeSetValues(
  workspace: RenderWorkspace,
  set: ValuesSet['set'],
): Promise<string | undefined> {
  const pairs = setPairs(set);
  if (pairs.length === 0) return undefined;
  const file = workspace.path('set-values.json');
  // JSON is YAML: helm reads it as a values file.
  await writeFile(file, JSON.stringify(setPairsValues(pairs)));
  return file;
}

export function renderChart(
  request: RenderRequest & { kubernetesVersion?: string },
): Promise<RenderResult> {
  let args: string[];
  try {
    args = helmTemplateArgs(request);
  } catch (error) {
    return Promise.resolve({ ok: false, error: (error as Error).message });
  }
  return new Promise((resolve) => {
    execFile(
      request.helm,
      args,
      {
        cwd: request.workspace.dir,
        env: request.workspace.env,
        timeout: request.timeoutMs,
        killSignal: 'SIGKILL',
        maxBuffer: MAX_OUTPUT_BYTES,
        windowsHide: true,
        encoding: 'utf8',
      },
      (error, stdout, stderr) => {
        if (!error) return resolve({ ok: true, output: stdout });
        const failure = error as NodeJS.ErrnoException & { killed?: boolean; code?: unknown };
        if (failure.code === 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER') {
          return resolve({
            ok: false,
            error: `helm template wrote more than ${MAX_OUTPUT_BYTES / (1024 * 1024)} MB`,
          });
        }
        if (failure.killed) {
          return resolve({
            ok: false,
            error: `helm template timed out after ${Math.round(request.timeoutMs / 1000)}s`,
          });
        }
        resolve({ ok: false, error: helmError(stderr) || failure.message });
      },
    );
  });
}

/** Helm's own message: the `Error:` line(s), without warnings printed before them. */
export function helmError(stderr: string): string {
  const lines = stderr.trim().split('\n');
  const start = lines.findIndex((line) => line.startsWith('Error:'));
  const relevant = (start === -1 ? lines : lines.slice(start)).filter(
    (line) => line.trim() !== '' && !line.startsWith('Use --debug flag'),
  );
  const message = relevant
    .join('\n')
    .replace(/^Error:\s*/, '')
    .trim();
  // A template that includes itself makes helm repeat the include chain at every level (over
  // 100 KB): keep where it starts and where it ends.
  return message.length <= MAX_ERROR_LENGTH
    ? message
    : `${message.slice(0, MAX_ERROR_LENGTH / 2)} … ${message.slice(-MAX_ERROR_LENGTH / 2)}`;
}

const MAX_ERROR_LENGTH = 1000;

/** `found in Chart.yaml, but missing in charts/ directory: a, b` -> ['a', 'b']. */
export function missingDependencies(error: string): string[] {
  const match = /missing in charts\/ directory:\s*([^\n]+)/.exec(error);
  return match
    ? match[1]
        .split(',')
        .map((name) => name.trim())
        .filter(Boolean)
    : [];
}

/** The `<chart>/templates/x.yaml:LINE` (or just the file) a helm error names, if any. */
export function errorPosition(error: string): { source: string; line?: number } | undefined {
  const withLine = /([\w.-]+(?:\/charts\/[\w.-]+)*\/templates\/[^\s:()"]+):(\d+)/.exec(error);
  if (withLine) return { source: withLine[1], line: Number(withLine[2]) };
  const withoutLine = /([\w.-]+(?:\/charts\/[\w.-]+)*\/templates\/[^\s:()"]+)/.exec(error);
  return withoutLine ? { source: withoutLine[1] } : undefined;
}
