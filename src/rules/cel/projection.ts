// Only what an expression reads is converted to CEL values: an expression over `object.metadata.labels`
// gets an object holding just that subtree (plus identity), not a deep copy of the whole resource. The
// projection shares its subtrees with the source; its CEL conversion is the copy.
import type { KubeObject } from '../../sources/resource.js';
import { reads } from './attribution.js';

export type ReadSet = readonly (readonly (string | number)[])[] | 'all';

/** The paths under `root` an expression (or several) reads; 'all' when it uses `root` whole. */
export function readSet(asts: readonly unknown[], root: string): ReadSet {
  const paths: (string | number)[][] = [];
  for (const ast of asts) reads(ast, root, paths);
  return paths.some((p) => p.length === 0) ? 'all' : paths;
}

const IDENTITY: readonly (readonly string[])[] = [
  ['apiVersion'],
  ['kind'],
  ['metadata', 'name'],
  ['metadata', 'namespace'],
];

/**
 * `source` with only the subtrees at `paths` (and its identity). The subtrees are shared with `source`, not
 * copied: convert the result (toCel copies) before changing it.
 */
export function project(source: KubeObject, paths: ReadSet): KubeObject {
  if (paths === 'all') return source;
  const out = Object.create(null) as KubeObject;
  for (const path of [...IDENTITY, ...paths]) {
    let from: unknown = source;
    let to: Record<string | number, unknown> = out;
    for (let i = 0; i < path.length; i++) {
      const key = path[i]!;
      if (from === null || typeof from !== 'object' || !Object.hasOwn(from, key)) break;
      from = (from as Record<string | number, unknown>)[key];
      if (i === path.length - 1 || from === null || typeof from !== 'object') {
        to[key] = from;
        break;
      }
      // A list read by index keeps its other elements' positions: the list whole.
      if (Array.isArray(from)) {
        to[key] = from;
        break;
      }
      const existing = to[key];
      to = (
        existing && typeof existing === 'object' ? existing : (to[key] = Object.create(null))
      ) as Record<string | number, unknown>;
    }
  }
  return out;
}
