// The npm package works outside this repository: `npm pack` of the built package, installed into
// an empty project with an empty npm cache and no network (`--offline`: the bundles in dist/ are
// self-contained, so the tarball must need nothing from a registry), and its `kube-policy-gate`
// bin scanning a manifest and a Dockerfile (which loads the shell parser shipped beside the bundle).
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const REPOSITORY = path.resolve(import.meta.dirname, '..');
const run = promisify(execFile);

interface PackEntry {
  filename: string;
  files: { path: string }[];
}

interface Report {
  findings: { ruleId: string; file: string; line: number }[];
}

describe('npm package', () => {
  const work = mkdtempSync(path.join(tmpdir(), 'kpg-pack-'));
  // npm without the developer's cache or configuration: nothing to fall back on.
  const npmEnv = {
    ...process.env,
    npm_config_cache: path.join(work, 'npm-cache'),
    npm_config_userconfig: path.join(work, 'npmrc'),
    npm_config_offline: 'true',
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_update_notifier: 'false',
  };
  let packed: PackEntry;
  const project = path.join(work, 'project');
  const scanned = path.join(work, 'repository');

  beforeAll(async () => {
    const { stdout } = await run(
      'npm',
      ['pack', '--json', '--ignore-scripts', '--pack-destination', work],
      { cwd: REPOSITORY, env: npmEnv },
    );
    [packed] = JSON.parse(stdout) as PackEntry[];
    mkdirSync(project);
    writeFileSync(
      path.join(project, 'package.json'),
      JSON.stringify({ name: 'kpg-pack-probe', version: '1.0.0', private: true }),
    );
    await run('npm', ['install', '--ignore-scripts', path.join(work, packed.filename)], {
      cwd: project,
      env: npmEnv,
    });
  }, 120_000);

  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('ships the bundles, the shell parser with its licence, the packs, the docs and the Action', () => {
    const files = packed.files.map((file) => file.path).sort();
    expect(files).toEqual(
      expect.arrayContaining([
        'README.md',
        'action.yml',
        'dist/cli.js',
        'dist/cli-main.cjs',
        'dist/index.js',
        'dist/kube-client.js',
        'dist/mvdan-sh.cjs',
        'dist/mvdan-sh.cjs.LICENSE',
        'package.json',
        'policies/default.yaml',
        'policies/schema.json',
        'docs/rules/README.md',
        'docs/security.md',
      ]),
    );
    // Sources, tests and tooling stay home; the docs the README links to go along.
    expect(files.filter((file) => !/^(dist|docs|policies)\/|^[^/]+$/.test(file))).toEqual([]);
  });

  it('scans a repository with its kube-policy-gate bin', async () => {
    mkdirSync(scanned);
    writeFileSync(
      path.join(scanned, 'pod.yaml'),
      [
        'apiVersion: v1',
        'kind: Pod',
        'metadata:',
        '  name: web',
        'spec:',
        '  containers:',
        '    - name: web',
        '      image: nginx:1.27',
        '      securityContext:',
        '        privileged: true',
        '',
      ].join('\n'),
    );
    writeFileSync(
      path.join(scanned, 'Dockerfile'),
      'FROM debian:12\nRUN apt-get update && apt-get install curl\n',
    );
    const bin = path.join(project, 'node_modules', '.bin', 'kube-policy-gate');
    const outcome = await run(bin, ['scan', '.', '--format', 'json', '--policy', 'default'], {
      cwd: scanned,
      env: { ...process.env, NO_COLOR: '1' },
    }).then(
      ({ stdout }) => ({ code: 0, stdout }),
      (error: { code: number; stdout: string; stderr: string }) => error,
    );
    expect(outcome.code, 'stderr' in outcome ? outcome.stderr : '').toBe(1);
    const report = JSON.parse(outcome.stdout) as Report;
    const found = report.findings.map((f) => `${f.ruleId} ${f.file}:${f.line}`);
    expect(found).toEqual(
      expect.arrayContaining(['KSV017 pod.yaml:10', 'DL3014 Dockerfile:2', 'DL3008 Dockerfile:2']),
    );
  });
});
