// Runs the bundled Action (dist/index.js) as the GitHub runner does: inputs as INPUT_* variables
// (dashes kept), the event in GITHUB_EVENT_PATH, outputs and the job summary through the files
// the runner names, and the API at GITHUB_API_URL (a FakeGitHub on 127.0.0.1).
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const ACTION = path.resolve('dist/index.js');

export interface ActionRun {
  code: number;
  stdout: string;
  outputs: Record<string, string>;
  summary: string;
  /** Workflow commands (`::error file=…::…`) in the log, parsed. */
  commands: Array<{ command: string; properties: Record<string, string>; message: string }>;
}

export interface RunOptions {
  workspace: string;
  eventName: string;
  event: unknown;
  apiUrl?: string;
  inputs?: Record<string, string>;
}

export async function runAction({
  workspace,
  eventName,
  event,
  apiUrl,
  inputs = {},
}: RunOptions): Promise<ActionRun> {
  const runnerDir = mkdtempSync(path.join(tmpdir(), 'kpg-runner-'));
  const files = {
    output: path.join(runnerDir, 'output'),
    summary: path.join(runnerDir, 'summary'),
    event: path.join(runnerDir, 'event.json'),
  };
  writeFileSync(files.output, '');
  writeFileSync(files.summary, '');
  writeFileSync(files.event, JSON.stringify(event));
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: workspace,
    GITHUB_OUTPUT: files.output,
    GITHUB_STEP_SUMMARY: files.summary,
    GITHUB_EVENT_NAME: eventName,
    GITHUB_EVENT_PATH: files.event,
    GITHUB_REPOSITORY: 'acme/deploy',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_RUN_ID: '4242',
    RUNNER_TEMP: runnerDir,
    // No real backoff in tests: the fake server answers at once.
    KPG_GITHUB_RETRY_BASE_MS: '1',
    // The test file's code cache (test/support/setup.ts), not a runner setting.
    ...(process.env.NODE_COMPILE_CACHE
      ? { NODE_COMPILE_CACHE: process.env.NODE_COMPILE_CACHE }
      : {}),
    ...(apiUrl ? { GITHUB_API_URL: apiUrl } : {}),
  };
  const all = { 'github-token': apiUrl ? 'ghs_test' : '', ...inputs };
  for (const [name, value] of Object.entries(all)) env[`INPUT_${name.toUpperCase()}`] = value;
  const { code, stdout } = await promisify(execFile)(process.execPath, [ACTION], {
    cwd: workspace,
    env,
    maxBuffer: 64 * 1024 * 1024,
  }).then(
    ({ stdout }) => ({ code: 0, stdout }),
    (error: { code: number; stdout: string }) => ({ code: error.code, stdout: error.stdout }),
  );
  const outputs = Object.fromEntries(
    [...readFileSync(files.output, 'utf8').matchAll(/^(.+?)<<(.+)\n([\s\S]*?)\n\2$/gm)].map((m) => [
      m[1],
      m[3],
    ]),
  );
  const commands = [...stdout.matchAll(/^::(\w+)( [^:]*)?::(.*)$/gm)].map((m) => ({
    command: m[1],
    properties: Object.fromEntries(
      (m[2] ?? '')
        .trim()
        .split(',')
        .filter(Boolean)
        .map((pair) => {
          const [key, ...rest] = pair.split('=');
          return [key, decodeProperty(rest.join('='))];
        }),
    ),
    message: decodeMessage(m[3]),
  }));
  return { code, stdout, outputs, summary: readFileSync(files.summary, 'utf8'), commands };
}

/** The Action on a pull request's repository (test/support/git.ts): its workspace and event. */
export function runOnPullRequest(
  repo: { root: string; event: unknown },
  apiUrl: string | undefined,
  inputs?: Record<string, string>,
): Promise<ActionRun> {
  return runAction({
    workspace: repo.root,
    eventName: 'pull_request',
    event: repo.event,
    apiUrl,
    inputs,
  });
}

function decodeMessage(text: string): string {
  return text.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
}

function decodeProperty(text: string): string {
  return decodeMessage(text).replace(/%3A/g, ':').replace(/%2C/g, ',');
}
