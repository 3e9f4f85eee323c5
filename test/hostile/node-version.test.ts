// An older Node.js than the tool needs gets one clear line and exit 2 from both bundles, before
// any module could fail on a missing API. The machine's system `node` (not the npm `node`
// package that runs the tests) is the older one where there is one.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MIN_NODE_MAJOR, unsupportedNodeMessage } from '../../src/version.js';

const OLD_NODE = ['/usr/bin/node', '/usr/local/bin/node', '/bin/node'].find((candidate) => {
  if (!existsSync(candidate)) return false;
  const version = execFileSync(candidate, ['--version'], { encoding: 'utf8' }).trim();
  return Number(/^v(\d+)/.exec(version)?.[1]) < MIN_NODE_MAJOR;
});

describe('unsupportedNodeMessage', () => {
  it('names the version it needs and the one it got', () => {
    expect(unsupportedNodeMessage('v20.20.2')).toBe(
      'kube-policy-gate needs Node.js 22 or newer; this is v20.20.2',
    );
    expect(unsupportedNodeMessage('v18.0.0')).toMatch(/needs Node\.js 22/);
    expect(unsupportedNodeMessage('v22.0.0')).toBeUndefined();
    expect(unsupportedNodeMessage('v24.21.0')).toBeUndefined();
  });
});

if (!OLD_NODE) console.warn(`SKIP: no Node.js older than ${MIN_NODE_MAJOR} on this machine`);

describe.skipIf(!OLD_NODE)(`the bundles on ${OLD_NODE ?? 'an older Node.js'}`, () => {
  const version = OLD_NODE
    ? execFileSync(OLD_NODE, ['--version'], { encoding: 'utf8' }).trim()
    : '';
  for (const [bundle, args] of [
    ['dist/cli.js', ['scan', 'test/fixtures/manifests']],
    ['dist/cli.js', ['--version']],
    ['dist/index.js', []],
  ] as const) {
    it(`${bundle} ${args.join(' ')} exits 2 with one line`, () => {
      const run = spawnSync(OLD_NODE!, [path.resolve(bundle), ...args], {
        encoding: 'utf8',
        env: { ...process.env, KPG_DEBUG: '' },
      });
      expect(run.status).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toBe(`kube-policy-gate needs Node.js 22 or newer; this is ${version}\n`);
    });
  }
});
