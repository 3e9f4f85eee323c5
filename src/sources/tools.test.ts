import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { findExecutable, toolEnvironment } from './tools.js';

describe('toolEnvironment', () => {
  const runner = {
    PATH: '/usr/local/bin::.:bin:/usr/bin',
    HELM_BIN: '/opt/helm/helm',
    GITHUB_TOKEN: 'ghs_SECRET',
    INPUT_GITHUB_TOKEN: 'ghs_SECRET',
    ACTIONS_RUNTIME_TOKEN: 'SECRET',
    AWS_SECRET_ACCESS_KEY: 'SECRET',
    HELM_KUBEAPISERVER: 'http://127.0.0.1:1',
    SystemRoot: 'C:\\Windows',
  };

  it('searches only absolute PATH folders: an empty or relative entry is the repository', () => {
    expect(toolEnvironment(runner, undefined, 'linux').searchPath).toEqual([
      '/usr/local/bin',
      '/usr/bin',
    ]);
    expect(
      toolEnvironment({ PATH: 'C:\\tools;.;bin;D:\\helm' }, undefined, 'win32').searchPath,
    ).toEqual(['C:\\tools', 'D:\\helm']);
  });

  it('passes on PATH alone, plus what Windows programs need on Windows', () => {
    expect(toolEnvironment(runner, undefined, 'linux').inherited).toEqual({ PATH: runner.PATH });
    expect(toolEnvironment(runner, undefined, 'win32').inherited).toEqual({
      PATH: runner.PATH,
      SystemRoot: 'C:\\Windows',
    });
    expect(toolEnvironment({}, undefined, 'linux').inherited).toEqual({ PATH: '' });
  });

  it('takes --helm over HELM_BIN, and neither when both are unset or empty', () => {
    expect(toolEnvironment(runner, '/explicit/helm').helm).toBe('/explicit/helm');
    expect(toolEnvironment(runner).helm).toBe('/opt/helm/helm');
    expect(toolEnvironment({ ...runner, HELM_BIN: '' })).not.toHaveProperty('helm');
  });
});

describe('findExecutable', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('takes the first executable file, passing over plain files and directories', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'kpg-find-executable-'));
    dirs.push(root);
    const [plain, folder, found] = ['a', 'b', 'c'].map((name) => path.join(root, name));
    for (const dir of [plain, folder, found]) mkdirSync(dir);
    writeFileSync(path.join(plain, 'tool'), '#!/bin/sh\n', { mode: 0o644 });
    mkdirSync(path.join(folder, 'tool'));
    writeFileSync(path.join(found, 'tool'), '#!/bin/sh\n');
    chmodSync(path.join(found, 'tool'), 0o755);
    expect(await findExecutable([plain, folder, found], 'tool')).toBe(path.join(found, 'tool'));
    expect(await findExecutable([plain, folder], 'tool')).toBeUndefined();
    expect(await findExecutable(undefined, 'tool')).toBeUndefined();
  });
});
