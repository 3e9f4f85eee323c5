// Which kustomizations a scan has, how they refer to each other, which are roots (rendered) and
// which files are their inputs (never scanned on their own). Works from the files discovery
// listed: a directory holding one of kustomize's file names is a kustomization, and so is every
// local base or component they name, wherever it is in the repository.
import { readFileSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import type { ScanError } from '../../model.js';
import { excludeMatcher } from '../discover.js';
import { MAX_FILE_BYTES } from '../load.js';
import { KUSTOMIZATION_FILES, parseKustomization, type Kustomization } from './kustomization.js';

export interface KustomizeGraph {
  /** Every kustomization read, by repository-relative directory. */
  byDir: Map<string, Kustomization>;
  /** Directories to render, sorted. */
  roots: string[];
  /** Repository-relative files that are kustomization inputs (not manifests of their own). */
  inputs: Set<string>;
  errors: ScanError[];
}

export interface GraphOptions {
  root: string;
  /** Repository-relative files discovery found (manifests). */
  files: readonly string[];
  /** `kustomize.roots` of the policy: these directories only (default: the discovered roots). */
  roots?: readonly string[];
  /** The policy file, for errors about `kustomize.roots`. */
  policyFile?: string;
  exclude?: readonly string[];
}

export function kustomizeGraph(options: GraphOptions): KustomizeGraph {
  const { root } = options;
  const realRoot = realpathSync(root);
  const graph: KustomizeGraph = { byDir: new Map(), roots: [], inputs: new Set(), errors: [] };
  const missing = new Set<string>();

  /** A regular file of bounded size inside the repository, or undefined. */
  const readInside = (file: string): string | undefined => {
    try {
      const real = realpathSync(path.join(root, file));
      if (real !== realRoot && !real.startsWith(realRoot + path.sep)) return undefined;
      const info = statSync(real);
      if (!info.isFile() || info.size > MAX_FILE_BYTES) return undefined;
      return readFileSync(real, 'utf8');
    } catch {
      return undefined;
    }
  };
  const kustomizationFile = (dir: string): string | undefined => {
    for (const name of KUSTOMIZATION_FILES) {
      const file = dir === '.' ? name : `${dir}/${name}`;
      try {
        if (statSync(path.join(root, file)).isFile()) return file;
      } catch {
        // next name
      }
    }
    return undefined;
  };
  const load = (dir: string): Kustomization | undefined => {
    if (graph.byDir.has(dir)) return graph.byDir.get(dir);
    if (missing.has(dir)) return undefined;
    const file = kustomizationFile(dir);
    const text = file === undefined ? undefined : readInside(file);
    if (file === undefined || text === undefined) {
      missing.add(dir);
      if (file !== undefined) {
        graph.errors.push({
          file,
          message: 'not a regular file of bounded size inside the repository; not rendered',
          level: 'warning',
        });
      }
      return undefined;
    }
    let kustomization: Kustomization;
    try {
      kustomization = parseKustomization(text, file, readInside);
    } catch (error) {
      // An alias bomb or nesting too deep for the parser: named, and not rendered.
      missing.add(dir);
      graph.errors.push({ file, message: `cannot read: ${(error as Error).message}` });
      return undefined;
    }
    graph.byDir.set(dir, kustomization);
    for (const reference of [...kustomization.resources, ...kustomization.components]) {
      if (reference.local) pending.push(reference.local);
    }
    return kustomization;
  };
  // Bases are followed with a queue, not recursion: a chain of thousands of kustomizations in a
  // pull request must not exhaust the stack.
  const pending: string[] = [];
  const loadAll = (dir: string) => {
    const kustomization = load(dir);
    while (pending.length) load(pending.pop()!);
    return kustomization;
  };

  // The directories discovery saw: those holding a kustomization file are kustomizations.
  const dirs = new Set(options.files.map((file) => path.posix.dirname(file)));
  for (const dir of [...dirs].sort()) loadAll(dir);
  const discovered = [...graph.byDir.keys()];

  const referenced = new Set<string>();
  for (const kustomization of graph.byDir.values()) {
    for (const reference of [...kustomization.resources, ...kustomization.components]) {
      if (reference.local && graph.byDir.has(reference.local)) referenced.add(reference.local);
    }
  }
  if (options.roots?.length) {
    const excluded = excludeMatcher(options.exclude ?? []);
    for (const written of options.roots) {
      const dir = path.posix.normalize(written.replace(/\/+$/, '')) || '.';
      const kustomization = loadAll(dir);
      if (!kustomization) {
        graph.errors.push({
          file: options.policyFile ?? '.',
          message: `kustomize.roots: '${written}' is not a directory holding a kustomization`,
        });
      } else if (dir !== '.' && excluded(dir)) {
        continue;
      } else {
        graph.roots.push(dir);
      }
    }
  } else {
    graph.roots = discovered.filter(
      (dir) => !referenced.has(dir) && graph.byDir.get(dir)!.kind === 'Kustomization',
    );
  }
  graph.roots = [...new Set(graph.roots)].sort();

  // A kustomization file, its patches and generator inputs are never manifests, rendered or
  // not (a patch is a fragment, not a workload). Its resources are scanned through the roots
  // that reach it; those of a kustomization no root reaches stay plain files, still scanned.
  for (const kustomization of graph.byDir.values()) {
    graph.inputs.add(kustomization.file);
    for (const file of kustomization.inputs) graph.inputs.add(file);
  }
  for (const dir of reachable(graph, graph.roots)) {
    for (const reference of graph.byDir.get(dir)!.resources) {
      if (reference.local && !graph.byDir.has(reference.local)) graph.inputs.add(reference.local);
    }
  }
  return graph;
}

/** The kustomizations the given roots render, roots included. */
export function reachable(graph: KustomizeGraph, roots: readonly string[]): Set<string> {
  const seen = new Set<string>();
  const pending = [...roots];
  while (pending.length) {
    const dir = pending.pop()!;
    const kustomization = graph.byDir.get(dir);
    if (!kustomization || seen.has(dir)) continue;
    seen.add(dir);
    for (const reference of [...kustomization.resources, ...kustomization.components]) {
      if (reference.local) pending.push(reference.local);
    }
  }
  return seen;
}
