// The base scan that reuses head's results must classify exactly as a full scan of the base
// commit (a work tree of its own) does, whatever the pull request did to the files.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { devHelm } from '../../scripts/dev-helm.js';
import { devKubectl } from '../../scripts/dev-kubectl.js';
import { gitRepo } from '../../test/support/git.js';
import { loadPolicy } from '../config/policy.js';
import { scan, type ScanResult } from '../scan.js';
import { Workspace } from '../sources/kustomize/render.js';
import { toolEnvironment, type ToolEnvironment } from '../sources/tools.js';
import * as baseline from './baseline.js';

const checkouts = vi.hoisted(() => ({ count: 0 }));
vi.mock('./baseline.js', async (original) => {
  const real = await original<typeof baseline>();
  return {
    ...real,
    checkoutBase: (...args: Parameters<typeof real.checkoutBase>) => {
      checkouts.count++;
      return real.checkoutBase(...args);
    },
  };
});

const CHART = path.resolve(import.meta.dirname, '../../test/fixtures/charts/app');
const pod = (name: string, namespace: string, privileged: boolean) =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\n  namespace: ${namespace}\nspec:\n  containers:\n    - name: c\n      image: nginx:1.25\n      securityContext:\n        privileged: ${privileged}\n`;
const NETPOL =
  'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: deny\n  namespace: shop\nspec:\n  podSelector: {}\n';

const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
  checkouts.count = 0;
});

/** A repository whose base commit has manifests, a Dockerfile and a chart. */
function baseRepo() {
  const repo = gitRepo();
  roots.push(repo.root);
  repo.write('.kube-policy-gate.yaml', 'failOn: high\n');
  repo.write('deploy/a.yaml', pod('a', 'shop', true));
  repo.write('deploy/b.yaml', pod('b', 'shop', true));
  repo.write('deploy/netpol.yaml', NETPOL);
  repo.write('deploy/same.yaml', pod('same', 'other', true));
  repo.write('app/Dockerfile', 'FROM ubuntu:latest\nRUN apt-get install -y curl\n');
  repo.write('web/Dockerfile', 'FROM node\nRUN npm install\n');
  cpSync(CHART, path.join(repo.root, 'charts/app'), { recursive: true });
  cpSync(CHART, path.join(repo.root, 'charts/other'), { recursive: true });
  repo.git('add', '-A');
  repo.git('commit', '-qm', 'base');
  return repo;
}

/** Today's full base scan: the base commit in a work tree, classified against head. */
async function fullBaseScan(root: string, tools: ToolEnvironment, headResult: ScanResult) {
  const tree = path.join(root, '..', `${path.basename(root)}-base`);
  roots.push(tree);
  const git = (...args: string[]) => execFileSync('git', args, { cwd: root });
  git('worktree', 'add', '-q', '--detach', tree, 'main');
  const policy = loadPolicy({ root, cwd: root });
  const base = await scan({ root: tree, paths: [], policy, tools, now: new Date(0) });
  git('worktree', 'remove', '--force', tree);
  return baseline.classify(headResult.findings, base.findings, headResult.suppressed);
}

async function compare(root: string) {
  const helm = await devHelm(4);
  const policy = loadPolicy({ root, cwd: root });
  // kubectl (its kustomize) found on the search path, as the CLI finds it.
  const kubectl = path.dirname(await devKubectl());
  const tools = {
    ...toolEnvironment({ ...process.env, PATH: `${kubectl}${path.delimiter}${process.env.PATH}` }),
    helm,
  };
  const result = await scan({ root, paths: [], policy, tools, base: 'main', now: new Date(0) });
  expect(result.errors.filter((e) => e.message.includes('base'))).toEqual([]);
  const expected = await fullBaseScan(root, tools, result);
  const statuses = (findings: readonly { fingerprint: string; status?: string }[]) =>
    findings.map((f) => `${f.fingerprint} ${f.status ?? ''}`).sort();
  expect(statuses(result.findings)).toEqual(statuses(expected.findings));
  expect(statuses(result.fixed ?? [])).toEqual(statuses(expected.fixed));
  return result;
}

describe('a base scan reusing head', { timeout: 120_000 }, () => {
  it('classifies as a full base scan when files are modified, renamed, deleted and added', async () => {
    const repo = baseRepo();
    repo.git('checkout', '-qb', 'feature');
    repo.write('deploy/a.yaml', pod('a', 'shop', false)); // modified: a finding fixed
    repo.git('mv', 'deploy/b.yaml', 'deploy/renamed.yaml'); // renamed
    repo.git('rm', '-q', 'deploy/netpol.yaml'); // deleted: KPG203 over the combined set
    repo.write('deploy/added.yaml', pod('added', 'new', true)); // added, left untracked
    repo.write('app/Dockerfile', 'FROM ubuntu:22.04\nRUN apt-get install -y curl\n');
    repo.write('charts/app/values.yaml', 'image:\n  repository: x\n  tag: latest\n');
    repo.git('add', 'deploy/a.yaml', 'app/Dockerfile');
    repo.git('commit', '-qm', 'head');
    const result = await compare(repo.root);
    expect(checkouts.count).toBe(0);
    const statuses = new Set(result.findings.map((f) => f.status));
    expect(statuses).toEqual(new Set(['new', 'existing']));
    expect(result.fixed?.length).toBeGreaterThan(0);
    expect(result.findings.some((f) => f.ruleId === 'KPG203' && f.status === 'new')).toBe(true);
  });

  it('classifies as a full base scan when a file is added in base only and a chart is deleted', async () => {
    const repo = baseRepo();
    repo.git('rm', '-rq', 'charts/other', 'web/Dockerfile');
    repo.write('charts/app/templates/extra.yaml', pod('extra', 'shop', true));
    await compare(repo.root);
    expect(checkouts.count).toBe(0);
  });

  it('recomputes everything when the policy file changed', async () => {
    const repo = baseRepo();
    repo.write('.kube-policy-gate.yaml', 'failOn: medium\nexclude: ["web/**"]\n');
    repo.write('deploy/a.yaml', pod('a', 'shop', false));
    await compare(repo.root);
    expect(checkouts.count).toBe(1);
  });

  it('scans the whole base when it has a symlink, whose content is another file', async () => {
    const repo = gitRepo();
    roots.push(repo.root);
    repo.write('deploy/a.yaml', pod('a', 'shop', true));
    symlinkSync('a.yaml', path.join(repo.root, 'deploy/link.yaml'));
    repo.git('add', '-A');
    repo.git('commit', '-qm', 'base');
    repo.write('deploy/a.yaml', pod('a', 'shop', false));
    await compare(repo.root);
    expect(checkouts.count).toBe(1);
  });

  it('with nothing changed, every finding is existing and none fixed', async () => {
    const repo = baseRepo();
    const result = await compare(repo.root);
    expect(checkouts.count).toBe(0);
    expect(result.findings.every((f) => f.status === 'existing')).toBe(true);
    expect(result.fixed).toEqual([]);
  });
});

describe('a base scan reusing head with kustomizations', { timeout: 120_000 }, () => {
  const deployment = (replicas: number) =>
    `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: ${replicas}\n  selector:\n    matchLabels: { app: web }\n  template:\n    metadata:\n      labels: { app: web }\n    spec:\n      containers:\n        - name: web\n          image: nginx:1.25\n`;
  /** A base and an overlay that patches it, beside plain manifests. */
  function kustomizeRepo() {
    const repo = gitRepo();
    roots.push(repo.root);
    repo.write('kustomize/base/deployment.yaml', deployment(2));
    repo.write('kustomize/base/kustomization.yaml', 'resources:\n  - deployment.yaml\n');
    repo.write(
      'kustomize/prod/kustomization.yaml',
      'namespace: prod\nresources:\n  - ../base\npatches:\n  - path: host.yaml\n',
    );
    repo.write(
      'kustomize/prod/host.yaml',
      'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      hostNetwork: true\n',
    );
    repo.write(
      'kustomize/staging/kustomization.yaml',
      'namespace: staging\nresources:\n  - ../base\n',
    );
    repo.write('deploy/a.yaml', pod('a', 'shop', true));
    repo.git('add', '-A');
    repo.git('commit', '-qm', 'base');
    return repo;
  }

  it("reuses head's builds when the change is outside the kustomizations' folders", async () => {
    const repo = kustomizeRepo();
    repo.write('deploy/a.yaml', pod('a', 'shop', false));
    const result = await compare(repo.root);
    expect(checkouts.count).toBe(0);
    const overlay = result.findings.filter((f) => f.overlay === 'kustomize/prod');
    expect(overlay.length).toBeGreaterThan(0);
    expect(overlay.every((f) => f.status === 'existing')).toBe(true);
    expect(result.fixed?.some((f) => f.file === 'deploy/a.yaml')).toBe(true);
  });

  it.each([
    ['a patch', 'kustomize/prod/host.yaml', (text: string) => text.replace('true', 'false')],
    ['a base resource', 'kustomize/base/deployment.yaml', () => deployment(3)],
    [
      'a kustomization',
      'kustomize/prod/kustomization.yaml',
      (text: string) => text.replace('prod', 'production'),
    ],
    [
      'a manifest no kustomization uses, in an overlay',
      'kustomize/prod/extra.yaml',
      () => pod('x', 'shop', true),
    ],
  ])(
    'builds the base kustomizations again, nothing else, when %s changed',
    async (_, file, edit) => {
      const repo = kustomizeRepo();
      const before = existsSync(path.join(repo.root, file))
        ? readFileSync(path.join(repo.root, file), 'utf8')
        : '';
      repo.write(file, edit(before));
      await compare(repo.root);
      expect(checkouts.count).toBe(0);
    },
  );

  it('builds the base kustomizations again when head adds or removes one', async () => {
    const repo = kustomizeRepo();
    repo.write('kustomize/dev/kustomization.yaml', 'namespace: dev\nresources:\n  - ../base\n');
    rmSync(path.join(repo.root, 'kustomize/prod'), { recursive: true });
    await compare(repo.root);
    expect(checkouts.count).toBe(0);
  });

  it("builds only the roots whose folders changed, the others are head's", async () => {
    const repo = kustomizeRepo();
    const built = vi.spyOn(Workspace.prototype, 'build');
    repo.write(
      'kustomize/prod/host.yaml',
      'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      hostPID: true\n',
    );
    const result = await compare(repo.root);
    expect(checkouts.count).toBe(0);
    // Head's two roots, the base's prod, and the full base scan's two to compare with.
    expect(built).toHaveBeenCalledTimes(5);
    built.mockRestore();
    expect(result.findings.some((f) => f.overlay === 'kustomize/staging')).toBe(true);
  });

  it("scans the whole base when a root of the base is no root of head's", async () => {
    const repo = kustomizeRepo();
    // Head builds `all`, which uses both overlays: the base builds them as roots.
    repo.write('kustomize/all/kustomization.yaml', 'resources:\n  - ../prod\n  - ../staging\n');
    await compare(repo.root);
    expect(checkouts.count).toBe(1);
  });

  it('scans the whole base when a kustomization names a file outside the folders', async () => {
    const repo = kustomizeRepo();
    repo.write(
      'kustomize/prod/kustomization.yaml',
      'namespace: prod\nresources:\n  - ../base\n  - ../../deploy/a.yaml\npatches:\n  - path: host.yaml\n',
    );
    repo.git('commit', '-qam', 'refers outside');
    repo.write('deploy/a.yaml', pod('a', 'shop', false));
    await compare(repo.root);
    expect(checkouts.count).toBe(1);
  });
});
