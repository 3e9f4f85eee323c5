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

/**
 * The git repository enclosing the first scanned path; outside a repository, the current
 * directory when it holds the path, else the path itself (or its folder, for a file).
 */
export function findRoot(cwd: string, paths: readonly string[]): string {
  const first = path.resolve(cwd, paths[0] ?? '.');
  const start = existsSync(first) && statSync(first).isFile() ? path.dirname(first) : first;
  const repository = repositoryRoot(start);
  if (repository) return repository;
  return isInside(first, cwd) ? cwd : start;
}
