// Hostile file systems, made at run time: names that are not UTF-8, FIFOs where files should be,
// YAML a chart carries but helm never reads, JSON manifests, paths that do not exist. Every
// Kubernetes object in the tree is scanned or the scan fails closed, and nothing hangs.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { devHelm } from '../../scripts/dev-helm.js';
import { discover } from '../../src/sources/discover.js';
import { isKubernetesJson } from '../../src/sources/load.js';
import {
  cli,
  goodFileFindings,
  GOOD_MANIFEST,
  scanRepo,
  STACK_FRAME,
  tempRepo,
  unreadable,
  type Repo,
} from './support.js';

let repo: Repo | undefined;
afterEach(() => {
  repo?.remove();
  repo = undefined;
});

/** Writes `content` at a path given as bytes (a name Node could not spell as a string). */
function writeBytes(root: string, parts: Buffer[], content: string) {
  const bytes = (count: number) =>
    Buffer.concat([
      Buffer.from(root),
      ...parts.slice(0, count).flatMap((p) => [Buffer.from('/'), p]),
    ]);
  for (let depth = 1; depth < parts.length; depth++) mkdirSync(bytes(depth), { recursive: true });
  writeFileSync(bytes(parts.length), content);
}

const privileged = (file: string) => (finding: { file: string; ruleId: string }) =>
  finding.file === file && finding.ruleId === 'KSV017';

describe('file names that are not UTF-8', () => {
  it('are scanned, shown escaped, in any directory', async () => {
    repo = tempRepo();
    writeBytes(repo.root, [Buffer.from([0x70, 0xff, 0x2e, 0x79, 0x61, 0x6d, 0x6c])], GOOD_MANIFEST);
    writeBytes(
      repo.root,
      [Buffer.from([0x64, 0xc3, 0x28]), Buffer.from('a\\b.yaml')],
      GOOD_MANIFEST,
    );
    writeBytes(
      repo.root,
      [Buffer.from([0x44, 0x6f, 0x63, 0x6b, 0x65, 0x72, 0x66, 0x69, 0x6c, 0x65, 0x2e, 0xfe])],
      'FROM debian:latest\n',
    );
    const result = await scanRepo(repo.root);
    expect(result.findings.filter(privileged('p\\xff.yaml'))).toHaveLength(1);
    // The invalid byte escaped; the valid `(` after it and the backslash in a UTF-8 name kept.
    expect(result.findings.filter(privileged('d\\xc3(/a\\b.yaml'))).toHaveLength(1);
    expect(
      result.findings.some((f) => f.file === 'Dockerfile.\\xfe' && f.ruleId === 'DL3007'),
    ).toBe(true);
    expect(result.errors.filter((error) => /UTF-8/.test(error.message))).toEqual([]);
    expect(result.summary.failed).toBe(true);
  });

  it('in a chart directory fail closed: helm cannot be given the path', async () => {
    repo = tempRepo();
    const chart = Buffer.from([0x63, 0xff]);
    writeBytes(
      repo.root,
      [chart, Buffer.from('Chart.yaml')],
      'apiVersion: v2\nname: c\nversion: 1.0.0\n',
    );
    writeBytes(
      repo.root,
      [chart, Buffer.from('templates'), Buffer.from('pod.yaml')],
      GOOD_MANIFEST,
    );
    const found = await discover(repo.root, [], []);
    expect(found.charts).toEqual([]);
    expect(found.unreadable).toEqual([
      { file: 'c\\xff', message: 'chart directory name is not UTF-8; helm cannot render it' },
    ]);
  });
});

describe('special files', () => {
  it('a FIFO named like a manifest or a Dockerfile fails closed without being opened', async () => {
    repo = tempRepo();
    repo.write('good.yaml', GOOD_MANIFEST);
    mkdirSync(path.join(repo.root, 'deploy'));
    execFileSync('mkfifo', [path.join(repo.root, 'deploy/pipe.yaml')]);
    execFileSync('mkfifo', [path.join(repo.root, 'Dockerfile')]);
    execFileSync('mkfifo', [path.join(repo.root, 'notes')]);
    const result = await scanRepo(repo.root);
    expect(goodFileFindings(result)).toHaveLength(1);
    expect(unreadable(result, 'deploy/pipe.yaml')).toHaveLength(1);
    expect(unreadable(result, 'Dockerfile')).toHaveLength(1);
    expect(result.errors).toContainEqual({
      file: 'deploy/pipe.yaml',
      message: 'a named pipe (FIFO), not a file',
    });
    // Not something the gate would read: not its business.
    expect(unreadable(result, 'notes')).toHaveLength(0);
  });
});

describe('YAML a chart carries but helm does not read', () => {
  const CHART = 'apiVersion: v2\nname: app\nversion: 1.0.0\n';

  it('is scanned as manifests; chart input is left to the render', async () => {
    repo = tempRepo();
    repo.write('app/Chart.yaml', CHART);
    repo.write('app/values.yaml', 'image: nginx\n');
    repo.write('app/values-prod.yaml', GOOD_MANIFEST);
    repo.write('app/values.schema.json', '{"type": "object"}');
    repo.write('app/ci/test-values.yaml', GOOD_MANIFEST);
    repo.write('app/templates/pod.yaml', '{{- if .Values.x }}\nkind: Pod\n{{- end }}\n');
    repo.write('app/templates/sub/Chart.yaml', CHART);
    repo.write('app/charts/dep/examples/pod.yaml', GOOD_MANIFEST);
    repo.write('app/examples/daemonset.yaml', GOOD_MANIFEST);
    repo.write('app/rendered/all.yaml', GOOD_MANIFEST);
    repo.write('app/crds/pod.yaml', GOOD_MANIFEST);
    repo.write('app/pod.yaml', GOOD_MANIFEST);
    repo.write('app/files/config.yaml', 'a:\n  {{- toYaml .Values.x | nindent 2 }}\n');
    const found = await discover(repo.root, [], []);
    expect(found.charts).toEqual(['app']);
    expect(found.manifests).toEqual([
      'app/crds/pod.yaml',
      'app/examples/daemonset.yaml',
      'app/files/config.yaml',
      'app/pod.yaml',
      'app/rendered/all.yaml',
    ]);
    const result = await scanRepo(repo.root, await devHelm(4));
    for (const file of ['app/examples/daemonset.yaml', 'app/rendered/all.yaml', 'app/pod.yaml'])
      expect(result.findings.filter(privileged(file)), file).toHaveLength(1);
    // A Go template the chart reads through .Files is said, not a failure.
    expect(unreadable(result, 'app/files/config.yaml')).toHaveLength(0);
    expect(result.errors).toContainEqual(
      expect.objectContaining({ file: 'app/files/config.yaml', level: 'warning' }),
    );
  });
});

describe('.json files', () => {
  it('holding a Kubernetes object are scanned; other JSON is not a manifest', async () => {
    repo = tempRepo();
    const pod = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'json' },
      spec: {
        containers: [{ name: 'a', image: 'nginx:1', securityContext: { privileged: true } }],
      },
    };
    repo.write('deploy/pod.json', JSON.stringify(pod, null, 2));
    repo.write(
      'deploy/list.json',
      JSON.stringify({ apiVersion: 'v1', kind: 'List', items: [pod] }),
    );
    repo.write('package.json', '{"name": "x", "version": "1.0.0"}');
    repo.write('schema.json', '{"$schema": "http://json-schema.org/draft-07/schema#", "kind": 1}');
    repo.write('tsconfig.json', '{\n  // comments: not JSON\n  "compilerOptions": {}\n}\n');
    repo.write('broken.json', '{"apiVersion": "v1", "kind": "Pod", "metadata": {');
    const result = await scanRepo(repo.root);
    const podFinding = result.findings.find(privileged('deploy/pod.json'));
    expect(podFinding?.line).toBe(13);
    expect(result.findings.filter(privileged('deploy/list.json'))).toHaveLength(1);
    const noisy = result.findings.filter((f) => f.ruleId === 'KPG001').map((f) => f.file);
    expect(noisy).toEqual(['broken.json']);
  });

  it('isKubernetesJson', () => {
    expect(isKubernetesJson('\uFEFF{"apiVersion":"v1","kind":"Pod"}')).toBe(true);
    expect(isKubernetesJson('[{"apiVersion":"v1","kind":"Pod"}]')).toBe(false);
    expect(isKubernetesJson('{"kind":"Pod"}')).toBe(false);
    expect(
      isKubernetesJson('{"apiVersion":"v1","kind":"Pod"}{"apiVersion":"v1","kind":"Pod"}'),
    ).toBe(true);
  });
});

describe('a path that does not exist', () => {
  it('is a usage error, on the command line and in the policy', async () => {
    repo = tempRepo();
    repo.write('good.yaml', GOOD_MANIFEST);
    const given = await cli(['scan', 'nope'], repo.root);
    expect(given.code).toBe(2);
    expect(given.stderr).toMatch(/^kube-policy-gate: path not found: nope$/m);
    expect(given.stderr).not.toMatch(STACK_FRAME);
    expect(given.stdout).not.toMatch(/passed/i);
    repo.write('.kube-policy-gate.yaml', 'paths: [deploy]\n');
    const configured = await cli(['scan'], repo.root);
    expect(configured.code).toBe(2);
    expect(configured.stderr).toMatch(/path not found: deploy/);
  });
});
