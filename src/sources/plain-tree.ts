// Whether a folder of the pull request can be given to a tool as it is: what a fenced copy of it
// (chart-copy.ts, kustomize/render.ts) would hold unchanged, so the copy can be skipped.
import { readdirSync, realpathSync } from 'node:fs';
import path from 'node:path';

export interface PlainTreeOptions {
  /** Names that are never in a copy (`.git`): a folder holding one is copied. */
  refused: ReadonlySet<string>;
  /** Each regular file (absolute path, path relative to the folder): false when a copy would
   *  leave it out or change it. */
  acceptFile(file: string, relative: string): boolean;
}

/** Deeper than any chart or kustomization layout. */
const MAX_DEPTH = 64;

/**
 * Whether `absolute` is reached without a symlink and holds only folders and regular files,
 * none of them `refused`, each accepted. Names and types come from the directory listings; a
 * folder that cannot be read says no (the copy then reports what is wrong).
 */
export function isPlainTree(absolute: string, options: PlainTreeOptions): boolean {
  const walk = (dir: string, relative: string, depth: number): boolean => {
    if (depth > MAX_DEPTH) return false;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (options.refused.has(entry.name)) return false;
      const at = path.join(dir, entry.name);
      const inside = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (!walk(at, inside, depth + 1)) return false;
      } else if (!entry.isFile() || !options.acceptFile(at, inside)) {
        return false;
      }
    }
    return true;
  };
  try {
    return realpathSync(absolute) === path.resolve(absolute) && walk(absolute, '', 0);
  } catch {
    return false;
  }
}
