import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ValuesFiles, type ValuesNode } from './values-tree.js';

const root = mkdtempSync(path.join(tmpdir(), 'kpg-values-tree-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let count = 0;
function values(text: string): ValuesNode {
  const file = `values-${++count}.yaml`;
  writeFileSync(path.join(root, file), text);
  return new ValuesFiles(root).read(file);
}
/** `{ key: [line, value or nested] }`, to read a tree at a glance. */
function shape(node: ValuesNode): unknown {
  if (node.kind === 'scalar') return node.value;
  return Object.fromEntries(
    [...node.children!].map(([key, child]) => [key, [child.line, shape(child)]]),
  );
}

describe('ValuesFiles', () => {
  it('gives every key the line it is written on, items theirs', () => {
    const tree = values('image:\n  repository: nginx\n  tag: "1.25"\nports:\n  - 80\n  - 443\n');
    expect(shape(tree)).toEqual({
      image: [1, { repository: [2, 'nginx'], tag: [3, '1.25'] }],
      ports: [4, { 0: [5, 80], 1: [6, 443] }],
    });
  });

  it('reads scalars as helm does (YAML 1.1: yes is true, 0777 octal)', () => {
    expect(shape(values('enabled: yes\nmode: 0777\nname: ~\nword: "yes"\ny: 1\n'))).toEqual({
      enabled: [1, true],
      true: [5, 1], // go-yaml v2 reads the key `y` as true, as helm v3 and v4 do
      mode: [2, 511],
      name: [3, null],
      word: [4, 'yes'],
    });
  });

  it('applies merge keys, the merged keys on the lines their values are written', () => {
    const tree = values(
      'base: &base\n  cpu: 100m\n  memory: 64Mi\napp:\n  <<: *base\n  memory: 128Mi\n',
    );
    expect(shape(tree.children!.get('app')!)).toEqual({
      cpu: [2, '100m'],
      memory: [6, '128Mi'],
    });
  });

  it('keeps a repeated key where first written, with its last value and line', () => {
    expect(shape(values('a: 1\nb: 2\na: 3\n'))).toEqual({ a: [3, 3], b: [2, 2] });
  });

  it('builds an aliased subtree once, on the line of the alias', () => {
    const tree = values('x: &x\n  size: 1\nz: *x\nw: *x\n');
    const [x, z, w] = ['x', 'z', 'w'].map((key) => tree.children!.get(key)!);
    expect([x.line, z.line, w.line]).toEqual([1, 3, 4]);
    expect(shape(z)).toEqual({ size: [2, 1] });
    expect(w.children).toBe(z.children);
  });

  it('reads what is not a map of values, or not YAML, as empty (helm reports it)', () => {
    for (const text of ['- a\n- b\n', 'a: [\n', '', '# only a comment\n']) {
      expect(values(text).children?.size, text).toBe(0);
    }
    expect(shape(values('a: 1\n---\na: 2\n'))).toEqual({ a: [1, 1] });
  });
});
