import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isPlainTree } from './plain-tree.js';

let root: string;
beforeEach(() => {
  root = realpathSync(mkdtempSync(path.join(tmpdir(), 'kpg-plain-tree-')));
  mkdirSync(path.join(root, 'app/templates'), { recursive: true });
  writeFileSync(path.join(root, 'app/Chart.yaml'), 'name: app\n');
  writeFileSync(path.join(root, 'app/templates/cm.yaml'), 'kind: ConfigMap\n');
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const plain = (dir = 'app', acceptFile: (file: string, relative: string) => boolean = () => true) =>
  isPlainTree(path.join(root, dir), { refused: new Set(['.git']), acceptFile });

describe('isPlainTree', () => {
  it('says yes to folders and regular files, each seen with its relative path', () => {
    const seen: string[] = [];
    expect(plain('app', (_, relative) => seen.push(relative) > 0)).toBe(true);
    expect(seen.sort()).toEqual(['Chart.yaml', 'templates/cm.yaml']);
  });

  it('says no to a symlink inside or on the way, a refused name, or a file not accepted', () => {
    expect(plain('app', () => false)).toBe(false);
    symlinkSync('app', path.join(root, 'alias'));
    expect(plain('alias')).toBe(false);
    mkdirSync(path.join(root, 'app/.git'));
    expect(plain()).toBe(false);
    rmSync(path.join(root, 'app/.git'), { recursive: true });
    symlinkSync('cm.yaml', path.join(root, 'app/templates/link.yaml'));
    expect(plain()).toBe(false);
    expect(plain('missing')).toBe(false);
  });
});
