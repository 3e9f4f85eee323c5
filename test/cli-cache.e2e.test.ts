// The CLI's bin (scripts/cli-bin.ts, dist/cli.js) keeps V8's code of the CLI's bundle in a folder
// of the user's own: runs with and without it print the same, and a cache it cannot trust is
// never read.
import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const CLI = path.resolve('dist/cli.js');
const SCANNED = path.resolve('test/fixtures/manifests');
const work = mkdtempSync(path.join(tmpdir(), 'kpg-cli-cache-'));
const uid = process.getuid?.() ?? 'user';

afterAll(() => rmSync(work, { recursive: true, force: true }));

function scan(temporary: string, env: NodeJS.ProcessEnv = {}, cwd = SCANNED) {
  const { NODE_DISABLE_COMPILE_CACHE: _off, ...inherited } = process.env;
  const run = spawnSync(process.execPath, [CLI, 'scan', '--format', 'json', '.'], {
    cwd,
    encoding: 'utf8',
    env: { ...inherited, TMPDIR: temporary, ...env },
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

const fresh = (name: string) => {
  const dir = path.join(work, name);
  mkdirSync(dir);
  return dir;
};
const cacheOf = (temporary: string) => path.join(temporary, `kube-policy-gate-v8-cache-${uid}`);

describe.skipIf(process.platform === 'win32')('the CLI code cache', () => {
  const plain = scan(fresh('disabled'), { NODE_DISABLE_COMPILE_CACHE: '1' });

  it('writes one cache file on the first run, reads it on the next, with the same report', () => {
    expect(plain.status).toBe(1);
    expect(readdirSync(path.join(work, 'disabled'))).toEqual([]);
    const temporary = fresh('warm');
    expect(scan(temporary)).toEqual(plain);
    const [file, ...more] = readdirSync(cacheOf(temporary));
    expect(more).toEqual([]);
    expect(statSync(cacheOf(temporary)).mode & 0o777).toBe(0o700);
    const written = statSync(path.join(cacheOf(temporary), file!)).mtimeMs;
    expect(scan(temporary)).toEqual(plain);
    // Accepted as it was: not written again.
    expect(statSync(path.join(cacheOf(temporary), file!)).mtimeMs).toBe(written);
  });

  it('replaces a cache file V8 rejects', () => {
    const temporary = fresh('corrupt');
    scan(temporary);
    const [file] = readdirSync(cacheOf(temporary));
    writeFileSync(path.join(cacheOf(temporary), file!), 'not V8 code');
    expect(scan(temporary)).toEqual(plain);
    expect(statSync(path.join(cacheOf(temporary), file!)).size).toBeGreaterThan(1000);
  });

  it('does not use a cache folder that others can write to', () => {
    const temporary = fresh('shared');
    mkdirSync(cacheOf(temporary), { mode: 0o777 });
    chmodSync(cacheOf(temporary), 0o777);
    expect(scan(temporary)).toEqual(plain);
    expect(readdirSync(cacheOf(temporary))).toEqual([]);
  });

  it('keeps the shell parser in a cache of its own once a Dockerfile needed it', () => {
    const dockerfiles = fresh('dockerfiles');
    writeFileSync(
      path.join(dockerfiles, 'Dockerfile'),
      'FROM alpine:3.19\nRUN apk add curl && cd /tmp\nUSER 1000\n',
    );
    const uncached = scan(
      fresh('shell-disabled'),
      { NODE_DISABLE_COMPILE_CACHE: '1' },
      dockerfiles,
    );
    expect(uncached.stdout).toMatch(/DL3018/); // from the parsed RUN command
    expect(uncached.stdout).toMatch(/DL3003/);
    const temporary = fresh('shell');
    expect(scan(temporary, {}, dockerfiles)).toEqual(uncached);
    const files = readdirSync(cacheOf(temporary));
    expect(files.map((file) => file.split('-v')[0]).sort()).toEqual([
      'cli-main.cjs',
      'mvdan-sh.cjs',
    ]);
    const written = files.map((file) => statSync(path.join(cacheOf(temporary), file)).mtimeMs);
    expect(scan(temporary, {}, dockerfiles)).toEqual(uncached);
    expect(files.map((file) => statSync(path.join(cacheOf(temporary), file)).mtimeMs)).toEqual(
      written,
    );
  });

  it('keeps the 8 most recently written caches', () => {
    const temporary = fresh('many');
    mkdirSync(cacheOf(temporary), { mode: 0o700 });
    for (let i = 0; i < 12; i++) {
      const old = path.join(cacheOf(temporary), `cli-main.cjs-v0-old-${i}`);
      writeFileSync(old, 'stale');
      utimesSync(old, 1_000_000 + i, 1_000_000 + i);
    }
    expect(scan(temporary)).toEqual(plain);
    const kept = readdirSync(cacheOf(temporary)).sort();
    expect(kept).toHaveLength(8);
    expect(kept.filter((file) => file.includes('-old-'))).toEqual(
      [5, 6, 7, 8, 9, 10, 11].map((i) => `cli-main.cjs-v0-old-${i}`).sort(),
    );
  });

  it('runs without a cache when the temporary folder does not exist', () => {
    expect(scan(path.join(work, 'absent'))).toEqual(plain);
  });
});
