// The root every reported path is relative to: the repository holding the scanned paths.
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';

function repositoryRoot(start: string): string | undefined {
  for (let dir = start; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, '.git'))) return dir;
    if (path.dirname(dir) === dir) return undefined;
  }
}

function isInside(child: string, parent: string): boolean {
  const relative = path.relative(parent, child);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/** The folder itself, or a file's folder. */
function folderOf(absolute: string): string {
  return existsSync(absolute) && statSync(absolute).isFile() ? path.dirname(absolute) : absolute;
}

/** The deepest folder holding all of `folders`. */
function commonAncestor(folders: readonly string[]): string {
  return folders.reduce((common, folder) => {
    while (!isInside(folder, common)) common = path.dirname(common);
    return common;
  });
}

/**
 * The git repository enclosing the first scanned path; outside a repository, the current
 * directory when it holds every path, else the deepest folder that holds them all.
 */
export function findRoot(cwd: string, paths: readonly string[]): string {
  const absolute = (paths.length ? paths : ['.']).map((p) => path.resolve(cwd, p));
  const repository = repositoryRoot(folderOf(absolute[0]));
  if (repository) return repository;
  if (absolute.every((p) => isInside(p, cwd))) return cwd;
  return commonAncestor(absolute.map(folderOf));
}
