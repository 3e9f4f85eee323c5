// The Action's entry point in process: run() against a fake @actions/core (inputs in; outputs,
// annotations, the job summary and the step's failure out) and, for the API, the FakeGitHub
// server on 127.0.0.1 that the real Octokit client talks to. The end-to-end suites run the
// bundled dist/index.js the same way a runner does; this one shows main.ts needs no runner.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeGitHub } from '../test/github/fake-github.js';

const core = vi.hoisted(() => {
  const state = {
    inputs: {} as Record<string, string>,
    outputs: {} as Record<string, string>,
    failed: [] as string[],
    annotations: [] as Array<[string, string, unknown]>,
    summary: [] as string[],
  };
  const annotate =
    (level: string) =>
    (message: unknown, properties: unknown = {}) => {
      state.annotations.push([level, String(message), properties]);
    };
  return {
    state,
    getInput: (name: string) => state.inputs[name] ?? '',
    setOutput: (name: string, value: unknown) => {
      state.outputs[name] = String(value);
    },
    setFailed: (message: string) => {
      state.failed.push(message);
    },
    error: annotate('error'),
    warning: annotate('warning'),
    notice: annotate('notice'),
    info: () => undefined,
    summary: {
      addRaw(text: string) {
        state.summary.push(text);
        return this;
      },
      async write() {
        return this;
      },
    },
  };
});
vi.mock('@actions/core', () => core);

const { run } = await import('./main.js');

const PRIVILEGED_POD = `apiVersion: v1
kind: Pod
metadata:
  name: web
  namespace: shop
spec:
  containers:
    - name: app
      image: nginx:1.27
      securityContext:
        privileged: true
`;
const HEAD_SHA = 'a'.repeat(40);

let workspace: string;
const savedEnv = { ...process.env };

/** A workspace and the runner's variables for `eventName` with `event` as its payload. */
function runner(eventName: string, event: object, files: Record<string, string> = {}): void {
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(workspace, file)), { recursive: true });
    writeFileSync(path.join(workspace, file), text);
  }
  const eventPath = `${workspace}-event.json`;
  writeFileSync(eventPath, JSON.stringify(event));
  Object.assign(process.env, {
    GITHUB_WORKSPACE: workspace,
    GITHUB_EVENT_NAME: eventName,
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_REPOSITORY: 'acme/deploy',
    // Set, so the job summary is written (to the fake core).
    GITHUB_STEP_SUMMARY: `${workspace}-summary.md`,
    KPG_GITHUB_RETRY_BASE_MS: '1',
  });
}

beforeEach(() => {
  workspace = mkdtempSync(path.join(tmpdir(), 'kpg-main-'));
  Object.assign(core.state, { inputs: {}, outputs: {}, failed: [], annotations: [], summary: [] });
});

afterEach(() => {
  for (const key of Object.keys(process.env)) if (!(key in savedEnv)) delete process.env[key];
  Object.assign(process.env, savedEnv);
  rmSync(`${workspace}-event.json`, { force: true });
  rmSync(workspace, { recursive: true, force: true });
});

describe('run() in process', () => {
  it('scans the workspace on a push: outputs, annotations, the job summary and the failure', async () => {
    runner('push', {}, { 'deploy/pod.yaml': PRIVILEGED_POD });
    core.state.inputs = { 'json-file': 'report.json' };
    await run();

    expect(core.state.failed).toHaveLength(1);
    expect(core.state.failed[0]).toMatch(/finding\(s\); some at or above 'high'/);
    expect(core.state.outputs).toMatchObject({
      failed: 'true',
      'json-file': path.join(workspace, 'report.json'),
    });
    expect(Number(core.state.outputs.findings)).toBeGreaterThan(0);
    // No token: no check run, so the findings are workflow annotations on their lines.
    expect(core.state.annotations).toContainEqual([
      'error',
      expect.stringContaining("'securityContext.privileged' to false"),
      expect.objectContaining({ file: 'deploy/pod.yaml', startLine: 11 }),
    ]);
    expect(core.state.summary.join('')).toContain('KSV017');
  });

  it('fails the step with one line for an input it does not know', async () => {
    runner('push', {}, { 'deploy/pod.yaml': PRIVILEGED_POD });
    core.state.inputs = { 'fail-on': 'loud' };
    await run();
    expect(core.state.failed).toEqual([
      "input fail-on must be one of critical, high, medium, low, none (got 'loud')",
    ]);
  });

  it('annotates each configuration problem on its policy line and fails the step', async () => {
    runner(
      'push',
      {},
      {
        'deploy/pod.yaml': PRIVILEGED_POD,
        '.kube-policy-gate.yaml': 'rules:\n  KSV017: hgh\n',
      },
    );
    await run();
    expect(core.state.annotations).toEqual([
      [
        'error',
        expect.stringContaining("(did you mean 'high'?)"),
        { file: '.kube-policy-gate.yaml', startLine: 2, title: 'rules.KSV017' },
      ],
    ]);
    expect(core.state.failed[0]).toMatch(/^invalid configuration:\n\.kube-policy-gate\.yaml:2:/);
  });

  it('posts a report in mode: report through the GitHub API (a fake server)', async () => {
    runner('push', {}, { 'deploy/pod.yaml': PRIVILEGED_POD });
    core.state.inputs = { 'json-file': 'report.json' };
    await run();

    const github = new FakeGitHub({
      pulls: [
        {
          number: 7,
          head: { sha: HEAD_SHA, ref: 'feature', label: 'forker:feature' },
          base: { sha: 'b'.repeat(40) },
        },
      ],
    });
    process.env.GITHUB_API_URL = await github.start();
    try {
      runner('workflow_run', {
        action: 'completed',
        workflow_run: {
          head_sha: HEAD_SHA,
          head_branch: 'feature',
          html_url: 'https://github.com/acme/deploy/actions/runs/99',
          event: 'pull_request',
          head_repository: { owner: { login: 'forker' } },
          pull_requests: [],
        },
      });
      Object.assign(core.state, { outputs: {}, failed: [], annotations: [] });
      core.state.inputs = {
        mode: 'report',
        'json-file': 'report.json',
        'github-token': 'ghs_test',
      };
      await run();
    } finally {
      await github.stop();
    }
    // The scan job already decided the result; this one posts it.
    expect(core.state.failed).toEqual([]);
    expect(core.state.outputs.failed).toBe('true');
    expect(github.comments.get(7)).toHaveLength(1);
    expect(github.comments.get(7)![0].body).toContain('KSV017');
    expect(github.checkRuns).toHaveLength(1);
    expect(github.checkRuns[0].head_sha).toBe(HEAD_SHA);
  });
});
