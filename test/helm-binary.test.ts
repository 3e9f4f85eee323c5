import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { devHelm } from '../scripts/dev-helm.js';
import { findHelm, helmVersion } from '../src/sources/helm-binary.js';
import { toolEnvironment } from '../src/sources/tools.js';

let tempDir: string;

beforeEach(async () => {
  tempDir = await mkdtemp(join(tmpdir(), 'kpg-helm-'));
});

afterEach(async () => {
  await rm(tempDir, { recursive: true, force: true });
});

describe('devHelm', () => {
  // An empty PATH and no HELM_BIN force the binaries bundled in the devDependencies.
  it.each([
    [3, /^v3\.17\./],
    [4, /^v4\.1\./],
  ] as const)('provides helm v%i from the bundled layer', async (major, expected) => {
    const helm = await devHelm(major, { PATH: tempDir });
    const version = await helmVersion(helm);
    expect(version.major).toBe(major);
    expect(version.version).toMatch(expected);
  });
});

describe('findHelm', () => {
  it('prefers the explicit path over HELM_BIN', async () => {
    const env = { HELM_BIN: '/from/env/helm', PATH: tempDir };
    expect(await findHelm(toolEnvironment(env, '/explicit/path'))).toBe('/explicit/path');
  });

  it('honours HELM_BIN', async () => {
    const env = { HELM_BIN: '/from/env/helm', PATH: tempDir };
    expect(await findHelm(toolEnvironment(env))).toBe('/from/env/helm');
  });

  it('searches PATH for an executable helm', async () => {
    const [skipped, found] = [join(tempDir, 'a'), join(tempDir, 'b')];
    await Promise.all([mkdir(skipped), mkdir(found)]);
    // Not executable, so the search passes over it.
    await writeFile(join(skipped, 'helm'), '#!/bin/sh\necho v0.0.0\n', { mode: 0o644 });
    await writeFile(join(found, 'helm'), '#!/bin/sh\necho v3.99.1\n');
    await chmod(join(found, 'helm'), 0o755);
    const tools = toolEnvironment({ PATH: [skipped, found].join(delimiter) });

    expect(await findHelm(tools)).toBe(join(found, 'helm'));
    expect(await helmVersion(join(found, 'helm'), tools)).toEqual({
      major: 3,
      version: 'v3.99.1',
    });
  });

  it('returns undefined when there is no helm', async () => {
    expect(await findHelm(toolEnvironment({ PATH: tempDir }))).toBeUndefined();
    expect(await findHelm()).toBeUndefined();
  });
});

describe('helmVersion', () => {
  it('fails with a clear message for a missing binary', async () => {
    await expect(helmVersion(join(tempDir, 'nope'))).rejects.toThrow(
      /cannot run helm at .*nope: file not found/,
    );
  });
});
