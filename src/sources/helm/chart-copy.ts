// The chart helm renders holds nothing that leads outside the repository. Helm's loader follows
// symlinks: `.Files.Get` on a link to /proc/self/environ would put the environment (the token)
// into the report, and a FIFO in the chart would block it. A chart of only directories and
// regular files (nearly every chart) is rendered where it is; any other is rendered from a copy
// that keeps directories and regular files; a symlink whose target stays inside the repository
// is replaced by what it points to; a symlink leaving the repository, a dangling one, and
// anything that is not a regular file are left out and reported; subchart archives are
// unpacked (chart-archive.ts).
import { readFileSync, realpathSync, statSync, type Stats } from 'node:fs';
import { copyFile, lstat, mkdir, readdir, readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { isPlainTree } from '../plain-tree.js';
import { isInside } from '../read-file.js';
import { SUBCHART_ARCHIVE, unpackSubchart, type Budget, type LeftOut } from './chart-archive.js';

export type { LeftOut } from './chart-archive.js';

export interface ChartCopy {
  /** Absolute path of the copy. */
  dir: string;
  leftOut: LeftOut[];
  /** The chart's bytes: how long its renders take, roughly (the largest chart renders first). */
  bytes: number;
}

/**
 * The directory helm renders for the chart at repository-relative `chartDir`: the chart itself
 * when nothing in it would be left out of a copy, else a copy at `target`. Copying a large
 * chart's files cost more CPU than its renders' parsing (1,100 files: 0.5-1 s, on 2 cores taken
 * from helm), and the pull request's files do not change while the scan runs.
 */
export async function chartToRender(
  root: string,
  chartDir: string,
  target: string,
): Promise<ChartCopy> {
  const bytes = cleanChartBytes(root, chartDir);
  if (bytes !== undefined) return { dir: path.resolve(root, chartDir), leftOut: [], bytes };
  return copyChart(root, chartDir, target);
}

/**
 * The chart's size when a copy would be the chart itself: reached without a symlink, holding
 * only directories and regular files, no `.git` (a copy leaves it out), no values.schema.json
 * whose references a copy would leave out, within the copy's budget. Else undefined.
 */
function cleanChartBytes(root: string, chartDir: string): number | undefined {
  const budget = { files: 0, bytes: 0 };
  const plain = isPlainTree(path.join(realpathSync(root), chartDir), {
    refused: new Set(['.git']),
    acceptFile(file, relative) {
      // helm reads a subchart archive itself: the copy unpacks it (chart-archive.ts).
      if (SUBCHART_ARCHIVE.test(relative)) return false;
      budget.files += 1;
      budget.bytes += statSync(file).size;
      if (budget.files > MAX_FILES || budget.bytes > MAX_BYTES) return false;
      return (
        path.basename(file) !== 'values.schema.json' ||
        schemaReference(readFileSync(file, 'utf8')) === undefined
      );
    },
  });
  return plain ? budget.bytes : undefined;
}

/** Far beyond a real chart; a chart past them is refused rather than copied. */
const MAX_FILES = 20_000;
const MAX_BYTES = 256 * 1024 * 1024;
const MAX_DEPTH = 64;

export class ChartTooLargeError extends Error {
  override name = 'ChartTooLargeError';
}

/** Copies the chart at repository-relative `chartDir` to `target` (which must not exist). */
export async function copyChart(
  root: string,
  chartDir: string,
  target: string,
): Promise<ChartCopy> {
  const realRoot = await realpath(root);
  const leftOut: LeftOut[] = [];
  const budget: Budget = { files: 0, bytes: 0, maxFiles: MAX_FILES, maxBytes: MAX_BYTES };
  const relative = (absolute: string) =>
    path.relative(root, absolute).split(path.sep).join('/') || '.';

  const copyEntry = async (
    source: string,
    shown: string,
    destination: string,
    ancestors: ReadonlySet<string>,
    depth: number,
  ): Promise<void> => {
    let stats: Stats = await lstat(source);
    let from = source;
    if (stats.isSymbolicLink()) {
      let target: string;
      try {
        target = await realpath(source);
      } catch {
        leftOut.push({
          file: shown,
          message: 'symlink that points nowhere; left out of the chart',
        });
        return;
      }
      if (!isInside(target, realRoot)) {
        leftOut.push({
          file: shown,
          message:
            'symlink to a place outside the repository; left out of the chart helm renders, so nothing outside the repository is read',
        });
        return;
      }
      from = target;
      stats = await stat(target);
    }
    if (stats.isDirectory()) {
      const real = await realpath(from);
      if (ancestors.has(real) || depth > MAX_DEPTH) {
        leftOut.push({ file: shown, message: 'symlink loop; left out of the chart' });
        return;
      }
      await mkdir(destination, { recursive: true });
      const inner = new Set(ancestors).add(real);
      // A chart at the repository root would otherwise copy the repository's history too.
      const entries = (await readdir(from)).filter((name) => name !== '.git').sort();
      for (const name of entries) {
        await copyEntry(
          path.join(from, name),
          `${shown}/${name}`,
          path.join(destination, name),
          inner,
          depth + 1,
        );
      }
      return;
    }
    if (!stats.isFile()) {
      leftOut.push({
        file: shown,
        message: 'not a regular file (a FIFO, socket or device); left out of the chart',
      });
      return;
    }
    budget.files += 1;
    budget.bytes += stats.size;
    if (budget.files > MAX_FILES || budget.bytes > MAX_BYTES) {
      throw new ChartTooLargeError(
        `chart ${chartDir} has more than ${MAX_FILES} files or ${MAX_BYTES / (1024 * 1024)} MB; refusing to render it`,
      );
    }
    if (path.basename(from) === 'values.schema.json') {
      const problem = schemaReference(await readFile(from, 'utf8'));
      if (problem) {
        leftOut.push({
          file: shown,
          message: `refers to ${problem}, which helm would fetch or read: left out, so helm does not validate values against it`,
        });
        return;
      }
    }
    if (SUBCHART_ARCHIVE.test(path.relative(target, destination).split(path.sep).join('/'))) {
      const archive = await readFile(from);
      const folder = destination.replace(/\.tgz$/, '');
      leftOut.push(...unpackSubchart(archive, folder, shown, budget, schemaReference));
      return;
    }
    await copyFile(from, destination);
  };

  const source = path.resolve(root, chartDir);
  const shown = relative(source);
  const realSource = await realpath(source);
  if (!isInside(realSource, realRoot)) {
    throw new ChartOutsideError(`${shown} leads outside the repository; not rendered`);
  }
  await copyEntry(source, shown, target, new Set(), 0);
  return { dir: target, leftOut, bytes: budget.bytes };
}

/** Meta-schemas helm knows without fetching them (v3's and v4's schema libraries alike;
 *  `http://json-schema.org/schema#`, the latest draft, is what Bitnami's charts name). */
const KNOWN_META_SCHEMA =
  /^https?:\/\/json-schema\.org\/(draft-0[4-7]\/schema|draft\/20(19-09|20-12)\/schema|schema)#?$/;
const REFERENCE_KEYS = new Set(['$ref', '$dynamicRef', '$recursiveRef', '$id', 'id', '$schema']);

/**
 * A values.schema.json `$ref` (or `$id`, `$schema`) that leads out of the file: helm's JSON
 * Schema libraries load `file://` and `http(s)://` references, so a schema could read
 * /proc/self/environ or reach the network. Only references inside the document (`#/...`) and
 * the standard meta-schemas pass. Returns the first other one, or undefined.
 */
function schemaReference(text: string): string | undefined {
  let schema: unknown;
  try {
    schema = JSON.parse(text);
  } catch {
    return undefined; // not JSON: helm reports it, and reads nothing else because of it
  }
  const pending: unknown[] = [schema];
  while (pending.length) {
    const node = pending.pop();
    if (Array.isArray(node)) {
      pending.push(...node);
    } else if (node && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) {
        if (REFERENCE_KEYS.has(key) && typeof value === 'string') {
          const local = value === '' || value.startsWith('#');
          const meta = key === '$schema' && KNOWN_META_SCHEMA.test(value);
          // `id`/`$id` name a schema without loading anything unless it is a URL elsewhere.
          const naming = (key === 'id' || key === '$id') && !/^[a-z][a-z0-9+.-]*:/i.test(value);
          if (!local && !meta && !naming) return `${key} ${JSON.stringify(value).slice(0, 200)}`;
        }
        if (typeof value === 'object') pending.push(value);
      }
    }
  }
  return undefined;
}

export class ChartOutsideError extends Error {
  override name = 'ChartOutsideError';
}
