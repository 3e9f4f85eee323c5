import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { discover, displayName, excludeMatcher } from '../src/sources/discover.js';
import { findRoot } from '../src/sources/root.js';

let outside: string;
let root: string;

function write(file: string, text = 'kind: Pod\n') {
  mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  writeFileSync(path.join(root, file), text);
}

beforeAll(() => {
  outside = mkdtempSync(path.join(tmpdir(), 'kpg-outside-'));
  writeFileSync(path.join(outside, 'secret.yaml'), 'kind: Pod\n');
  root = mkdtempSync(path.join(tmpdir(), 'kpg-discover-'));
  write('deploy/web.yaml');
  write('deploy/worker.YML');
  write('deploy/notes.txt');
  write('vendor/lib/thing.yaml');
  write('gen/a.generated.yaml');
  write('node_modules/pkg/x.yaml');
  write('.git/config.yaml');
  write('charts/app/Chart.yaml', 'apiVersion: v2\nname: app\nversion: 1.0.0\n');
  write('charts/app/values.yaml');
  write('charts/app/templates/deployment.yaml', '{{ .Values.x }}');
  write('charts/app/charts/sub/Chart.yaml', 'apiVersion: v2\nname: sub\nversion: 1.0.0\n');
  write('images/Dockerfile', 'FROM scratch\n');
  write('images/api.Dockerfile', 'FROM scratch\n');
  write('images/Containerfile.dev', 'FROM scratch\n');
  write('images/Dockerfile.prod', 'FROM scratch\n');
  write('images/Dockerfile-notes.md', '# not a Dockerfile\n');
  symlinkSync(outside, path.join(root, 'escape'));
  symlinkSync(path.join(outside, 'secret.yaml'), path.join(root, 'deploy/secret.yaml'));
  symlinkSync(path.join(root, 'deploy'), path.join(root, 'deploy/loop'));
  symlinkSync(path.join(root, 'deploy/web.yaml'), path.join(root, 'web-link.yaml'));
  symlinkSync(path.join(root, 'missing'), path.join(root, 'dangling.yaml'));
});

afterAll(() => {
  rmSync(root, { recursive: true, force: true });
  rmSync(outside, { recursive: true, force: true });
});

describe('discover', () => {
  it('finds manifests, Dockerfiles and charts, skipping .git, node_modules and exclusions', async () => {
    const found = await discover(root, ['.'], ['vendor/**', '*.generated.yaml']);
    expect(found.manifests).toEqual(['deploy/web.yaml', 'deploy/worker.YML', 'web-link.yaml']);
    expect(found.dockerfiles).toEqual([
      'images/Containerfile.dev',
      'images/Dockerfile',
      'images/Dockerfile.prod',
      'images/api.Dockerfile',
    ]);
    // The vendored subchart is rendered as part of its parent, not on its own.
    expect(found.charts).toEqual(['charts/app']);
  });

  it('never follows a symlink out of the root, and names it', async () => {
    const found = await discover(root, ['.'], []);
    expect(found.manifests).not.toContain('escape/secret.yaml');
    expect(found.manifests).not.toContain('deploy/secret.yaml');
    expect(found.errors).toEqual(
      expect.arrayContaining([
        {
          file: 'escape',
          message: 'symlink points outside the repository; not followed',
          level: 'warning',
        },
        {
          file: 'deploy/secret.yaml',
          message: 'symlink points outside the repository; not followed',
          level: 'warning',
        },
        {
          file: 'dangling.yaml',
          message: 'broken symlink or unreadable path; skipped',
          level: 'warning',
        },
      ]),
    );
  });

  it('visits a directory once even through a symlink loop', async () => {
    const found = await discover(root, ['deploy'], []);
    expect(found.manifests).toEqual(['deploy/web.yaml', 'deploy/worker.YML']);
  });

  it('reports a path that does not exist', async () => {
    const found = await discover(root, ['nope'], []);
    expect(found.errors).toEqual([{ file: 'nope', message: 'path not found' }]);
  });

  it('accepts a single file path', async () => {
    const found = await discover(root, ['deploy/web.yaml'], []);
    expect(found.manifests).toEqual(['deploy/web.yaml']);
  });
});

describe('findRoot', () => {
  it('is the repository holding the first path, else the current directory or what holds every path', () => {
    const outsideRepo = mkdtempSync(path.join(tmpdir(), 'kpg-root-'));
    for (const dir of ['a/x', 'b']) mkdirSync(path.join(outsideRepo, dir), { recursive: true });
    expect(findRoot(outsideRepo, ['a/x', 'b'])).toBe(outsideRepo);
    expect(findRoot(path.join(outsideRepo, 'b'), ['../a/x', '.'])).toBe(outsideRepo);
    expect(findRoot(path.join(outsideRepo, 'b'), ['../a/x'])).toBe(path.join(outsideRepo, 'a/x'));
    expect(findRoot(outsideRepo, [])).toBe(outsideRepo);
    mkdirSync(path.join(outsideRepo, 'repo/.git'), { recursive: true });
    mkdirSync(path.join(outsideRepo, 'repo/deploy'));
    expect(findRoot(outsideRepo, ['repo/deploy'])).toBe(path.join(outsideRepo, 'repo'));
  });
});

describe('excludeMatcher', () => {
  it('matches a glob without a slash at any depth, and paths with one from the root', () => {
    const excluded = excludeMatcher(['*.generated.yaml', 'vendor/**', '.hidden/*']);
    expect(excluded('a/b/x.generated.yaml')).toBe(true);
    expect(excluded('vendor/lib/x.yaml')).toBe(true);
    expect(excluded('src/vendor/x.yaml')).toBe(false);
    expect(excluded('.hidden/x.yaml')).toBe(true);
    expect(excluded('deploy/web.yaml')).toBe(false);
    expect(excludeMatcher([])('anything')).toBe(false);
  });
});

describe('displayName', () => {
  it('keeps UTF-8 names and escapes each byte of an invalid sequence', () => {
    expect(displayName(Buffer.from('héllo\\.yaml'))).toBe('héllo\\.yaml');
    expect(displayName(Buffer.from([0x61, 0xff, 0x62]))).toBe('a\\xffb');
    // A truncated sequence, then a valid one, then a backslash in a name that is not UTF-8.
    expect(displayName(Buffer.from([0xe2, 0x82, 0x41, 0xc3, 0xa9, 0x5c, 0xfe]))).toBe(
      '\\xe2\\x82Aé\\x5c\\xfe',
    );
  });
});
