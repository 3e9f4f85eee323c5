// Pod Security Admission at a pinned policy version, through the bundled CLI (dist/cli.js): a Namespace's
// `-version` label selects the checks as the API server ran them then; `latest` is the policy's
// kubernetesVersion; an invalid pin is `latest`, and the Namespace itself is rejected.
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
  const dir = mkdtempSync(path.join(tmpdir(), 'kpg-psa-version-'));
  dirs.push(dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return dir;
}

interface JsonFinding {
  ruleId: string;
  severity: string;
  file: string;
  line: number;
  message: string;
}

async function scan(cwd: string): Promise<{ code: number; findings: JsonFinding[] }> {
  const run = promisify(execFile);
  const args = [CLI, 'scan', '.', '--format', 'json'];
  const options = { cwd, env: { ...process.env, NO_COLOR: '1' } };
  try {
    const { stdout } = await run(process.execPath, args, options);
    return { code: 0, findings: JSON.parse(stdout).findings };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    if (!e.stdout) throw new Error(e.stderr, { cause: error });
    return { code: e.code, findings: JSON.parse(e.stdout).findings };
  }
}

const namespace = (name: string, labels: string) => `apiVersion: v1
kind: Namespace
metadata:
  name: ${name}
  labels:
${labels}---
`;

/** A Pod restricted admits at every version, except for `runAsUser: 0` (a check since v1.23) and
 *  a probe host (since v1.34). */
const pod = (ns: string) => `apiVersion: v1
kind: Pod
metadata:
  name: web
  namespace: ${ns}
spec:
  securityContext:
    runAsNonRoot: true
    seccompProfile: { type: RuntimeDefault }
  containers:
    - name: app
      image: nginx:1.27
      securityContext:
        runAsUser: 0
        allowPrivilegeEscalation: false
        capabilities: { drop: [ALL] }
      livenessProbe:
        httpGet: { host: 169.254.169.254, port: 80 }
`;

const summary = (findings: JsonFinding[]) =>
  findings.map((f) => `${f.file}:${f.line} ${f.ruleId} ${f.severity}`);

describe('Pod Security Admission -version through dist/cli.js', () => {
  it('runs each namespace at its pinned version, and latest at the policy kubernetesVersion', async () => {
    const dir = repo({
      '.kube-policy-gate.yaml': "extends: []\nkubernetesVersion: '1.33'\n",
      'namespaces.yaml':
        namespace(
          'legacy',
          '    pod-security.kubernetes.io/enforce: restricted\n    pod-security.kubernetes.io/enforce-version: v1.22\n',
        ) +
        namespace(
          'pinned',
          '    pod-security.kubernetes.io/enforce: restricted\n    pod-security.kubernetes.io/enforce-version: v1.23\n',
        ) +
        namespace('newest', '    pod-security.kubernetes.io/warn: baseline\n'),
      'legacy.yaml': pod('legacy'),
      'pinned.yaml': pod('pinned'),
      'newest.yaml': pod('newest'),
    });
    const { code, findings } = await scan(dir);
    expect(code).toBe(1);
    // legacy (v1.22): no runAsUser check yet; pinned (v1.23): rejected; newest: baseline at
    // latest = 1.33, before the probe host check (1.34).
    expect(summary(findings)).toEqual(['pinned.yaml:14 KPG112 high']);
    expect(findings[0].message).toBe(
      `pods "web" is forbidden: violates PodSecurity "restricted:v1.23": Container 'app' of Pod 'web' must not set 'securityContext.runAsUser' to 0`,
    );

    writeFileSync(
      path.join(dir, '.kube-policy-gate.yaml'),
      "extends: []\nkubernetesVersion: '1.34'\n",
    );
    const newer = await scan(dir);
    expect(summary(newer.findings)).toEqual([
      'newest.yaml:18 KPG108 medium',
      'pinned.yaml:14 KPG112 high',
    ]);
    expect(newer.findings[0].message).toMatch(
      /^Warning: would violate PodSecurity "baseline:latest": /,
    );
  });

  it('an unparseable -version is latest, and the Namespace is rejected on that label', async () => {
    const dir = repo({
      '.kube-policy-gate.yaml': 'extends: []\n',
      'namespaces.yaml': namespace(
        'typo',
        '    pod-security.kubernetes.io/enforce: restricted\n    pod-security.kubernetes.io/enforce-version: "1.22"\n',
      ),
      'typo.yaml': pod('typo'),
    });
    const { code, findings } = await scan(dir);
    expect(code).toBe(1);
    expect(summary(findings)).toEqual([
      'namespaces.yaml:7 KPG005 high',
      'typo.yaml:14 KPG112 high',
      'typo.yaml:18 KPG108 high',
    ]);
    expect(findings[0].message).toBe(
      'Namespace "typo" is invalid: metadata.labels[pod-security.kubernetes.io/enforce-version]: Invalid value: "1.22": must be "latest" or "v1.x"',
    );
    expect(findings[1].message).toContain('violates PodSecurity "restricted:latest"');
  });
});
