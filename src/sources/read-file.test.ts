import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  readRegularFile,
  readRepositoryText,
  resolveInside,
  UnsafeFileError,
} from './read-file.js';

const base = mkdtempSync(path.join(tmpdir(), 'kpg-read-file-'));
const root = path.join(base, 'repo');
mkdirSync(path.join(root, 'sub'), { recursive: true });
writeFileSync(path.join(root, 'sub', 'a.yaml'), 'a: 1\n');
writeFileSync(path.join(base, 'outside.yaml'), 'secret: 1\n');
symlinkSync('sub/a.yaml', path.join(root, 'inside-link.yaml'));
symlinkSync(path.join(base, 'outside.yaml'), path.join(root, 'outside-link.yaml'));
symlinkSync('/dev/zero', path.join(root, 'zero.yaml'));
execFileSync('mkfifo', [path.join(root, 'fifo.yaml')]);
afterAll(() => rmSync(base, { recursive: true, force: true }));

const reason = (read: () => unknown) => {
  try {
    read();
  } catch (error) {
    if (error instanceof UnsafeFileError) return `${error.reason}: ${error.message}`;
    throw error;
  }
  return 'read';
};

describe('readRepositoryText', () => {
  it('reads regular files inside the repository, through links that stay inside', () => {
    expect(readRepositoryText(root, root, 'sub/a.yaml')).toBe('a: 1\n');
    expect(readRepositoryText(root, path.join(root, 'sub'), '../inside-link.yaml')).toBe('a: 1\n');
  });

  it.each([
    ['../outside.yaml', /^outside: is outside the repository/],
    ['/etc/hostname', /^outside: is outside the repository/],
    ['outside-link.yaml', /^outside: is a symlink to a place outside the repository/],
    ['zero.yaml', /^outside: is a symlink to a place outside the repository/],
    ['fifo.yaml', /^not-regular: is not a regular file \(a FIFO\)/],
    ['sub', /^not-regular: is not a regular file \(a directory\)/],
    ['missing.yaml', /^missing: not found/],
  ])('refuses %s', (file, expected) => {
    expect(reason(() => readRepositoryText(root, root, file))).toMatch(expected);
  });
});

describe('readRegularFile', () => {
  it('refuses a file over the bound, and devices even when asked directly', () => {
    expect(reason(() => readRegularFile(path.join(root, 'sub', 'a.yaml'), 3))).toMatch(
      /^too-large: /,
    );
    expect(reason(() => readRegularFile('/dev/zero'))).toMatch(
      /^not-regular: is not a regular file \(a character device\)/,
    );
  });

  it('resolves a path to its real location', () => {
    expect(resolveInside(root, root, 'inside-link.yaml')).toBe(
      path.join(realRoot(), 'sub', 'a.yaml'),
    );
  });
});

function realRoot(): string {
  return execFileSync('realpath', [root]).toString().trim();
}
