// Runs the bundled Action (dist/index.js) the way the GitHub runner does: inputs as INPUT_*
// variables, outputs and the job summary through the files the runner names.
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const ACTION = path.resolve('dist/index.js');

async function runAction(workspace: string, inputs: Record<string, string>) {
  const runnerDir = mkdtempSync(path.join(tmpdir(), 'kpg-runner-'));
  const files = {
    output: path.join(runnerDir, 'output'),
    summary: path.join(runnerDir, 'summary'),
  };
  writeFileSync(files.output, '');
  writeFileSync(files.summary, '');
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    GITHUB_WORKSPACE: workspace,
    GITHUB_OUTPUT: files.output,
    GITHUB_STEP_SUMMARY: files.summary,
    GITHUB_EVENT_NAME: 'push',
    RUNNER_TEMP: runnerDir,
  };
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value;
  const { code, stdout } = await promisify(execFile)(process.execPath, [ACTION], {
    cwd: workspace,
    env,
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
  return { code, stdout, outputs, summary: readFileSync(files.summary, 'utf8') };
}

function workspaceWith(...fixtures: string[]): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'kpg-workspace-'));
  // A fixed rule set, so expectations do not move as packs grow.
  cpSync(
    path.resolve('test/fixtures/policies/first-rules.yaml'),
    path.join(dir, '.kube-policy-gate.yaml'),
  );
  for (const name of fixtures)
    cpSync(path.resolve('test/fixtures/manifests', name), path.join(dir, 'deploy', name));
  return dir;
}

describe('dist/index.js (the Action)', () => {
  it('fails the step, sets outputs and writes the job summary when findings reach fail-on', async () => {
    const run = await runAction(workspaceWith('multi.yaml', 'clean.yaml'), { 'fail-on': 'high' });
    expect(run.code).toBe(1);
    expect(run.outputs).toEqual({ findings: '2', 'new-findings': '2', failed: 'true' });
    expect(run.stdout).toMatch(/::error::2 finding\(s\); some at or above 'high'/);
    expect(run.summary).toContain('kube-policy-gate failed');
    expect(run.summary).toContain('| high | KSV017 | deploy/multi.yaml:26 |');
  });

  it('passes below the threshold', async () => {
    const run = await runAction(workspaceWith('multi.yaml'), { 'fail-on': 'critical' });
    expect(run.code).toBe(0);
    expect(run.outputs).toEqual({ findings: '2', 'new-findings': '2', failed: 'false' });
    expect(run.summary).toContain('kube-policy-gate passed');
  });

  it('scans only the paths input and applies the policy input', async () => {
    const workspace = workspaceWith('multi.yaml', 'pod-list.yaml');
    rmSync(path.join(workspace, '.kube-policy-gate.yaml'));
    const run = await runAction(workspace, {
      paths: 'deploy/pod-list.yaml',
      policy: 'pss-baseline',
    });
    // pss-baseline: hostPID (KSV010) is in it, but not
    // allowPrivilegeEscalation (KSV001, restricted) or image tags (KSV013).
    expect(run.outputs.failed).toBe('true');
    expect(run.summary).toContain('| high | KSV010 | deploy/pod-list.yaml:10 |');
    expect(run.summary).not.toMatch(/KSV001|KSV013|multi\.yaml/);
  });

  it('rejects an invalid fail-on input with a clear message', async () => {
    const run = await runAction(workspaceWith('clean.yaml'), { 'fail-on': 'severe' });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      "::error::input fail-on must be one of critical, high, medium, low, none (got 'severe')",
    );
  });
});
