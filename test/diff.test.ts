import { describe, expect, it } from 'vitest';
import { classify } from '../src/diff/baseline.js';
import {
  gitChangedLines,
  parseChangedLines,
  patchChangedLines,
} from '../src/diff/changed-lines.js';
import type { Finding } from '../src/model.js';
import { toolEnvironment } from '../src/sources/tools.js';
import { gitRepo } from './support/git.js';

describe('changed lines', () => {
  it('parses a -U0 diff, renames included', () => {
    const diff = [
      'diff --git a/a.yaml b/a.yaml',
      '--- a/a.yaml',
      '+++ b/a.yaml',
      '@@ -3,0 +4,2 @@',
      '+x',
      '+y',
      '@@ -10 +12 @@',
      '-old',
      '+new',
      'diff --git a/old.yaml b/new.yaml',
      'similarity index 90%',
      'rename from old.yaml',
      'rename to new.yaml',
      '--- a/old.yaml',
      '+++ b/new.yaml',
      '@@ -1 +1 @@',
      '-a',
      '+b',
      'diff --git a/gone.yaml b/gone.yaml',
      'deleted file mode 100644',
      '--- a/gone.yaml',
      '+++ /dev/null',
      '@@ -1 +0,0 @@',
      '-z',
      '',
    ].join('\n');
    const changed = parseChangedLines(diff);
    expect([...changed.keys()]).toEqual(['a.yaml', 'new.yaml']);
    expect([...changed.get('a.yaml')!.added]).toEqual([4, 5, 12]);
    expect([...changed.get('new.yaml')!.added]).toEqual([1]);
  });

  it('reads pulls.listFiles patches, where context lines are commentable but not added', () => {
    const changed = patchChangedLines([
      { filename: 'deploy/web.yaml', patch: '@@ -1,3 +1,4 @@\n a\n+b\n c\n d' },
      { filename: 'binary.png' },
    ]);
    expect([...changed.get('deploy/web.yaml')!.added]).toEqual([2]);
    expect([...changed.get('deploy/web.yaml')!.commentable]).toEqual([1, 2, 3, 4]);
    expect(changed.has('binary.png')).toBe(false);
  });

  it('diffs head against the merge base with git', async () => {
    const { root, git, write } = gitRepo();
    write('a.yaml', 'one\ntwo\n');
    git('add', '.');
    git('commit', '-qm', 'base');
    git('checkout', '-qb', 'feature');
    write('a.yaml', 'one\ntwo\nthree\n');
    git('commit', '-qam', 'head');
    git('checkout', '-q', 'main');
    write('b.yaml', 'unrelated change on main\n');
    git('add', '.');
    git('commit', '-qm', 'main moves on');
    git('checkout', '-q', 'feature');
    const changed = await gitChangedLines(root, 'main', toolEnvironment(process.env));
    expect([...changed.keys()]).toEqual(['a.yaml']);
    expect([...changed.get('a.yaml')!.added]).toEqual([3]);
  });
});

describe('classify', () => {
  const f = (fingerprint: string, line = 1) => ({ fingerprint, line }) as Finding;
  it('tells new from existing by fingerprint, whatever the line, and lists fixed ones', () => {
    const { findings, fixed } = classify([f('a', 10), f('b')], [f('a', 3), f('c')], [f('d')]);
    expect(findings.map((x) => [x.fingerprint, x.status])).toEqual([
      ['a', 'existing'],
      ['b', 'new'],
    ]);
    expect(fixed.map((x) => x.fingerprint)).toEqual(['c']);
  });
});
