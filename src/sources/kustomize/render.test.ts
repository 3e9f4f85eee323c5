import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { toolEnvironment } from '../tools.js';
import { findKustomize } from './render.js';

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
