// The discover stage: which files and charts to scan. Walks the given paths once, never
// following a symlink out of the repository and never entering the same directory twice.
import { lstat, realpath, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { minimatch } from 'minimatch';
import type { ScanError } from '../model.js';
import { isLibraryChart } from './helm/chart.js';

export interface Discovered {
  /** Repository-relative paths, sorted. */
  manifests: string[];
  dockerfiles: string[];
  /** Chart directories (a `Chart.yaml` inside), not those vendored under another chart's `charts/`,
   *  nor library charts. */
  charts: string[];
  errors: ScanError[];
}

const ALWAYS_SKIPPED = new Set(['.git', 'node_modules']);
const MANIFEST = /\.ya?ml$/i;
const DOCKERFILE = /^(?:(?:Dockerfile|Containerfile)(?:\..+)?|.+\.(?:Dockerfile|Containerfile))$/;

export function toPosix(relative: string): string {
  return relative.split(path.sep).join('/');
}

export function isExcluded(relative: string, exclude: readonly string[]): boolean {
  return exclude.some((glob) =>
    minimatch(relative, glob, { dot: true, matchBase: !glob.includes('/') }),
  );
}

export async function discover(
  root: string,
  paths: readonly string[],
  exclude: readonly string[],
): Promise<Discovered> {
  const found: Discovered = { manifests: [], dockerfiles: [], charts: [], errors: [] };
  const realRoot = await realpath(root);
  const visited = new Set<string>();

  const report = (relative: string, message: string, level?: 'warning') =>
    found.errors.push({ file: relative, message, ...(level ? { level } : {}) });

  /** `insideChart`: below a chart, where YAML files are templates and values, not manifests. */
  const visit = async (absolute: string, insideChart: boolean): Promise<void> => {
    const relative = toPosix(path.relative(root, absolute)) || '.';
    if (relative !== '.' && isExcluded(relative, exclude)) return;
    let real: string;
    try {
      real = await realpath(absolute);
    } catch {
      report(relative, 'broken symlink or unreadable path; skipped', 'warning');
      return;
    }
    if (real !== realRoot && !real.startsWith(realRoot + path.sep)) {
      const link = (await lstat(absolute)).isSymbolicLink();
      report(
        relative,
        link
          ? 'symlink points outside the repository; not followed'
          : 'outside the repository; skipped',
        'warning',
      );
      return;
    }
    const info = await stat(real);
    if (info.isFile()) {
      const name = path.basename(absolute);
      if (DOCKERFILE.test(name)) found.dockerfiles.push(relative);
      else if (MANIFEST.test(name) && !insideChart) found.manifests.push(relative);
      return;
    }
    if (!info.isDirectory() || visited.has(real)) return;
    visited.add(real);

    const entries = await readdir(absolute, { withFileTypes: true });
    const isChart = entries.some((entry) => entry.name === 'Chart.yaml');
    // A library chart (`type: library`) only provides helpers; helm refuses to render it alone.
    if (isChart && !(await isLibraryChart(absolute))) found.charts.push(relative);
    for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      if (ALWAYS_SKIPPED.has(entry.name)) continue;
      // A chart's own charts/ holds vendored subcharts, rendered as part of their parent.
      if (isChart && entry.name === 'charts') continue;
      await visit(path.join(absolute, entry.name), insideChart || isChart);
    }
  };

  for (const given of paths.length ? paths : ['.']) {
    const absolute = path.resolve(root, given);
    try {
      await stat(absolute);
    } catch {
      report(toPosix(path.relative(root, absolute)) || given, 'path not found');
      continue;
    }
    await visit(absolute, false);
  }
  for (const list of [found.manifests, found.dockerfiles, found.charts]) {
    list.splice(0, list.length, ...[...new Set(list)].sort());
  }
  return found;
}
