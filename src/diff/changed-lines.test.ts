import { rmSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { gitRepo } from '../../test/support/git.js';
import { toolEnvironment } from '../sources/tools.js';
import { gitChangedLines, unescapeGitPath } from './changed-lines.js';

const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

describe('gitChangedLines', () => {
  it('names non-ASCII paths as they are (core.quotepath=off), not as quoted octal escapes', async () => {
    const repo = gitRepo();
    roots.push(repo.root);
    repo.write('déploiement/équipe/app.yaml', 'a: 1\n');
    repo.git('add', '.');
    repo.git('commit', '-qm', 'base');
    const base = repo.git('rev-parse', 'HEAD').trim();
    repo.write('déploiement/équipe/app.yaml', 'a: 1\nb: 2\n');
    repo.git('commit', '-qam', 'head');
    const changed = await gitChangedLines(repo.root, base, toolEnvironment(process.env));
    expect([...changed.keys()]).toEqual(['déploiement/équipe/app.yaml']);
    expect([...changed.get('déploiement/équipe/app.yaml')!.added]).toEqual([2]);
  });
});

describe('unescapeGitPath', () => {
  it.each([
    ['plain/ä.yaml', 'plain/ä.yaml'],
    ['x\\"y.yaml', 'x"y.yaml'],
    ['t\\tb.yaml', 't\tb.yaml'],
    ['back\\\\slash.yaml', 'back\\slash.yaml'],
    ['\\303\\244.yaml', 'ä.yaml'],
  ])('%j is %j', (escaped, name) => {
    expect(unescapeGitPath(escaped)).toBe(name);
  });
});
