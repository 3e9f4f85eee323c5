// Custom rules and `eval` through the bundled CLI (dist/cli.js), as a user runs them.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const CLI = path.resolve('dist/cli.js');
const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function repo(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'kpg-custom-rules-'));
  dirs.push(dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return dir;
}

async function cli(args: string[], cwd: string) {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [CLI, ...args], {
      cwd,
      env: { ...process.env, NO_COLOR: '1' },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

const POLICY = `extends: []
customRules:
  - id: ACME001
    severity: medium
    title: Workloads must carry a team label
    match: { kinds: [Deployment, StatefulSet] }
    expression: "has(object.metadata.labels) && 'team' in object.metadata.labels"
    message: add a team label
  - id: ACME002
    severity: high
    title: Containers need a memory limit
    expression: object.spec.template.spec.containers.all(c, has(c.resources) && has(c.resources.limits))
    match: { kinds: [Deployment] }
`;
const DEPLOYMENTS = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels:
    app: web
spec:
  template:
    spec:
      containers:
        - name: ok
          image: nginx
          resources: { limits: { memory: 1Gi } }
        - name: bad
          image: nginx
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
  labels: { team: core }
  annotations:
    kube-policy-gate.io/ignore: ACME002
    kube-policy-gate.io/ignore-reason: limits come from a LimitRange
spec:
  template:
    spec:
      containers:
        - name: bad
          image: nginx
`;

describe('custom rules through dist/cli.js', () => {
  it('report findings like builtin rules, on the line to fix, with severity overrides and suppressions', async () => {
    const dir = repo({
      '.kube-policy-gate.yaml': POLICY + 'rules:\n  ACME001: low\n',
      'app.yaml': DEPLOYMENTS,
    });
    const { code, stdout } = await cli(['scan', '.', '--format', 'json'], dir);
    expect(code).toBe(1);
    const report = JSON.parse(stdout);
    expect(
      report.findings.map(
        (f: { ruleId: string; line: number; severity: string; message: string }) => [
          f.ruleId,
          f.line,
          f.severity,
          f.message,
        ],
      ),
    ).toEqual([
      ['ACME001', 5, 'low', 'add a team label'],
      ['ACME002', 14, 'high', 'Containers need a memory limit'],
    ]);
    expect(report.suppressed.map((s: { ruleId: string }) => s.ruleId)).toEqual(['ACME002']);
    const sarif = JSON.parse((await cli(['scan', '.', '--format', 'sarif'], dir)).stdout);
    const ids = sarif.runs[0].tool.driver.rules.map((r: { id: string }) => r.id);
    expect(ids).toEqual(expect.arrayContaining(['ACME001', 'ACME002']));
  });

  it('turn off through rules: and accept ignore entries naming them', async () => {
    const dir = repo({
      '.kube-policy-gate.yaml':
        POLICY +
        'rules:\n  ACME002: off\nignore:\n  - id: ACME001\n    resources: Deployment/web\n    reason: legacy\n',
      'app.yaml': DEPLOYMENTS,
    });
    const { code, stdout } = await cli(['scan', '.', '--format', 'json'], dir);
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(report.findings).toEqual([]);
    expect(report.suppressed.map((s: { ruleId: string }) => s.ruleId)).toEqual(['ACME001']);
  });

  it('stop with exit 2 at the expression position when it does not compile', async () => {
    const dir = repo({
      '.kube-policy-gate.yaml': POLICY.replace("&& 'team'", "&& * 'team'"),
      'app.yaml': DEPLOYMENTS,
    });
    const { code, stderr } = await cli(['scan', '.'], dir);
    expect(code).toBe(2);
    expect(stderr).toBe(
      'kube-policy-gate: .kube-policy-gate.yaml:7:49: customRules[0].expression: compilation failed: ERROR: <input>:1:32: Unexpected token: MULTIPLY\n',
    );
  });
});

describe('eval through dist/cli.js', () => {
  it('prints the value of an expression over an object', async () => {
    const dir = repo({ 'app.yaml': DEPLOYMENTS });
    const { code, stdout } = await cli(
      ['eval', 'object.spec.template.spec.containers.map(c, c.name)', '--object', 'app.yaml'],
      dir,
    );
    expect(code).toBe(0);
    expect(stdout).toBe('["ok", "bad"]\n');
  });

  it('prints a compile error with its position and exits 2, a runtime error exits 1', async () => {
    const dir = repo({ 'app.yaml': DEPLOYMENTS });
    const compile = await cli(['eval', 'object.spec +* 1', '--object', 'app.yaml'], dir);
    expect(compile.code).toBe(2);
    expect(compile.stderr).toBe(
      'compile error at 1:14: Unexpected token: MULTIPLY\n  object.spec +* 1\n               ^\n',
    );
    const runtime = await cli(['eval', 'object.spec.nope == 1', '--object', 'app.yaml'], dir);
    expect(runtime.code).toBe(1);
    expect(runtime.stderr).toMatch(/^runtime error at 1:\d+: No such key: nope\n/);
  });
});
