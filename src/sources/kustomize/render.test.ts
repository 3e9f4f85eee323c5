import {
  chmodSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  realpathSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { toolEnvironment } from '../tools.js';
import { findKustomize, Workspace } from './render.js';

describe('findKustomize', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  const withKustomize = () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'kpg-find-kustomize-'));
    dirs.push(dir);
    writeFileSync(path.join(dir, 'kustomize'), '#!/bin/sh\nexit 0\n');
    chmodSync(path.join(dir, 'kustomize'), 0o755);
    return dir;
  };

  it('finds kustomize in an absolute PATH folder', async () => {
    const dir = withKustomize();
    expect(await findKustomize(toolEnvironment({ PATH: dir }))).toEqual({
      command: path.join(dir, 'kustomize'),
      args: ['build'],
    });
  });

  it("never runs a kustomize from a relative PATH entry (the repository's own)", async () => {
    const relative = path.relative(process.cwd(), withKustomize());
    expect(await findKustomize(toolEnvironment({ PATH: relative }))).toBeUndefined();
  });
});

describe.skipIf(process.platform === 'win32')('Workspace.build', () => {
  it('runs kustomize with no variable of ours but its homes, closed proxies and Go GC limits', async () => {
    const bin = mkdtempSync(path.join(tmpdir(), 'kpg-kustomize-env-'));
    const workspace = await Workspace.create();
    try {
      // A stand-in kustomize that prints its environment.
      writeFileSync(path.join(bin, 'kustomize'), '#!/bin/sh\n/usr/bin/env\n');
      chmodSync(path.join(bin, 'kustomize'), 0o755);
      const wrapper = await workspace.wrap(0, 'overlay');
      const result = await workspace.build(
        { command: path.join(bin, 'kustomize'), args: ['build'] },
        wrapper,
        10_000,
      );
      if (!result.ok) throw new Error(result.error);
      const env = Object.fromEntries(
        result.output
          .trim()
          .split('\n')
          .map((line) => line.split(/=(.*)/s).slice(0, 2)),
      );
      expect(env.GITHUB_TOKEN).toBeUndefined();
      expect(env.HOME).toBe(path.join(workspace.dir, 'home'));
      expect(env.HTTPS_PROXY).toBe('http://127.0.0.1:9');
      // A build is short-lived: Go collects only near the memory one run is allowed.
      expect([env.GOGC, env.GOMEMLIMIT]).toEqual(['off', '512MiB']);
    } finally {
      rmSync(bin, { recursive: true, force: true });
      await workspace.remove();
    }
  });
});

describe('Workspace.prepare', () => {
  it('builds where the kustomizations are when a copy would hold the same files', async () => {
    const root = realpathSync(mkdtempSync(path.join(tmpdir(), 'kpg-kustomize-prepare-')));
    const workspace = await Workspace.create();
    try {
      mkdirSync(path.join(root, 'base'));
      writeFileSync(path.join(root, 'base/kustomization.yaml'), 'resources: []\n');
      expect(await workspace.prepare(root, ['base'])).toEqual([]);
      expect(workspace.tree).toBe(root);
      // A symlink (here one to a file inside): a copy, with the link resolved.
      writeFileSync(path.join(root, 'cm.yaml'), 'kind: ConfigMap\n');
      symlinkSync('../cm.yaml', path.join(root, 'base/cm.yaml'));
      const copied = await Workspace.create();
      try {
        expect(await copied.prepare(root, ['base'])).toEqual([]);
        expect(copied.tree).toBe(path.join(copied.dir, 'tree'));
        expect(readFileSync(path.join(copied.tree, 'base/cm.yaml'), 'utf8')).toBe(
          'kind: ConfigMap\n',
        );
      } finally {
        await copied.remove();
      }
    } finally {
      await workspace.remove();
      rmSync(root, { recursive: true, force: true });
    }
  });
});
