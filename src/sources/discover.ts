// The discover stage: which files and charts to scan. Walks the given paths once, never
// following a symlink out of the repository and never entering the same directory twice. File
// names are bytes: a name that is not valid UTF-8 is scanned like any other (shown escaped), and
// whatever exists but cannot be read (a FIFO, a device, a directory without permission) fails
// closed instead of being skipped.
import type { Dirent, Stats } from 'node:fs';
import { lstat, readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { Minimatch } from 'minimatch';
import type { ScanError } from '../model.js';
import { isLibraryChart } from './helm/chart.js';

export interface Discovered {
  /** Repository-relative paths, sorted; a name that is not UTF-8 has its bytes escaped (`\xff`). */
  manifests: string[];
  dockerfiles: string[];
  /** Chart directories (a `Chart.yaml` inside), not those vendored under another chart's `charts/`,
   *  nor library charts. */
  charts: string[];
  /** The bytes that open each listed path whose name is not UTF-8 (its shown path escapes them). */
  byteNames: Map<string, Buffer>;
  /** Manifests inside a chart directory that helm does not read as chart input (`examples/`,
   *  `docs/`): scanned as manifests, though a Go template among them is chart data, not YAML. */
  chartData: Set<string>;
  /** What exists but cannot be read: the scan fails closed on each (KPG001). */
  unreadable: ScanError[];
  errors: ScanError[];
}

const ALWAYS_SKIPPED = new Set(['.git', 'node_modules']);
// `Kustomization` (no extension) is one of the three names kustomize reads.
const MANIFEST = /\.(?:ya?ml|json)$|^Kustomization$/i;
const DOCKERFILE = /^(?:(?:Dockerfile|Containerfile)(?:\..+)?|.+\.(?:Dockerfile|Containerfile))$/;

/** What helm reads in a chart's own directory: its metadata, values and schema... */
const CHART_INPUT_FILE =
  /^(?:Chart\.yaml|Chart\.lock|requirements\.yaml|requirements\.lock|values.*\.ya?ml|values\.schema\.json)$/;
/** ...the templates it renders, chart-testing's values files (`ci/`) and the vendored subcharts,
 *  rendered as part of their parent. `crds/` is not among them: helm installs those files as
 *  they are, and `helm template` does not print them, so they are scanned as manifests. */
const CHART_INPUT_DIR = new Set(['templates', 'ci', 'charts']);

export function toPosix(relative: string): string {
  return relative.split(path.sep).join('/');
}

/** The policy's `exclude` globs, compiled once: a glob without `/` matches a name at any depth. */
export function excludeMatcher(exclude: readonly string[]): (relative: string) => boolean {
  const globs = exclude.map(
    (glob) => new Minimatch(glob, { dot: true, matchBase: !glob.includes('/') }),
  );
  return (relative) => globs.some((glob) => glob.match(relative));
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** A file name as text: itself when it is UTF-8, else each byte of an invalid sequence as `\xNN`
 *  (and `\` as `\x5c`, so that the escaped form says which bytes it stands for). */
export function displayName(name: Buffer): string {
  try {
    return utf8.decode(name);
  } catch {
    let shown = '';
    for (let start = 0; start < name.length;) {
      const length = sequenceLength(name[start]);
      let text: string | undefined;
      if (length > 0 && start + length <= name.length) {
        try {
          text = utf8.decode(name.subarray(start, start + length));
        } catch {
          text = undefined;
        }
      }
      if (text !== undefined && text !== '\\') {
        shown += text;
        start += length;
      } else {
        shown += `\\x${name[start].toString(16).padStart(2, '0')}`;
        start += 1;
      }
    }
    return shown;
  }
}

/** The length of the UTF-8 sequence a lead byte starts; 0 for a byte that cannot lead one. */
function sequenceLength(lead: number): number {
  if (lead < 0x80) return 1;
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  return 0;
}

/** What a path is: its stat, or its entry in the parent directory's listing. */
type FileKind = Pick<
  Stats,
  'isFile' | 'isDirectory' | 'isFIFO' | 'isSocket' | 'isCharacterDevice' | 'isBlockDevice'
>;

/** A directory entry as its parent's listing gave it, beside the parent's real path. */
interface ListedEntry {
  dirent: Dirent<Buffer>;
  parentReal: string;
}

function kindOf(info: FileKind): string {
  if (info.isFIFO()) return 'a named pipe (FIFO)';
  if (info.isSocket()) return 'a socket';
  if (info.isCharacterDevice() || info.isBlockDevice()) return 'a device';
  return 'not a regular file';
}

/** A path from the command line or the policy's `paths` that does not exist: a usage error. */
export class PathNotFoundError extends Error {
  override name = 'PathNotFoundError';
}

/** Throws PathNotFoundError for the first of `paths` (relative to `root`) that does not exist. */
export async function requireExistingPaths(root: string, paths: readonly string[]): Promise<void> {
  for (const given of paths) {
    try {
      await lstat(path.resolve(root, given));
    } catch {
      throw new PathNotFoundError(`path not found: ${given}`);
    }
  }
}

interface Place {
  /** Absolute, as bytes: opens any name. */
  bytes: Buffer;
  /** Repository-relative, `/`-separated, escaped where not UTF-8; '.' for the root. */
  shown: string;
  /** Whether a name on the way is not UTF-8 (the shown path then cannot open it). */
  escaped: boolean;
}

/** Where a directory is with respect to charts. */
type ChartPlace = 'none' | 'chart-root' | 'chart-data' | 'chart-input';

const SEPARATOR = Buffer.from(path.sep);

export async function discover(
  root: string,
  paths: readonly string[],
  exclude: readonly string[],
): Promise<Discovered> {
  const found: Discovered = {
    manifests: [],
    dockerfiles: [],
    charts: [],
    byteNames: new Map(),
    chartData: new Set(),
    unreadable: [],
    errors: [],
  };
  // Paths compared byte for byte (as latin1 text): a name that is not UTF-8 stays itself.
  const rootText = (await realpath(Buffer.from(root), { encoding: 'buffer' })).toString('latin1');
  const isExcluded = excludeMatcher(exclude);
  const visited = new Set<string>();

  const warn = (shown: string, message: string) =>
    found.errors.push({ file: shown, message, level: 'warning' });
  const failClosed = (shown: string, message: string) =>
    found.unreadable.push({ file: shown, message });
  const list = (into: string[], place: Place) => {
    into.push(place.shown);
    if (place.escaped) found.byteNames.set(place.shown, place.bytes);
  };

  /** `where`: the directory holding this path, with respect to charts. `entry`: what the
   *  parent's listing said this path is, with the parent's real path. */
  const visit = async (place: Place, where: ChartPlace, entry?: ListedEntry): Promise<void> => {
    const { shown } = place;
    if (shown !== '.' && isExcluded(shown)) return;
    let realText: string;
    let info: FileKind;
    if (entry && !entry.dirent.isSymbolicLink()) {
      // Not a link, inside a directory whose real path is known: its real path is that plus
      // its name, and the listing says what it is. Two fewer file system calls for each of a
      // repository's thousands of files.
      realText = `${entry.parentReal}${path.sep}${entry.dirent.name.toString('latin1')}`;
      info = entry.dirent;
    } else {
      let real: Buffer;
      try {
        real = await realpath(place.bytes, { encoding: 'buffer' });
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'ENOENT' || code === 'ELOOP') {
          warn(shown, 'broken symlink or unreadable path; skipped');
        } else failClosed(shown, `cannot read: ${code ?? error}`);
        return;
      }
      realText = real.toString('latin1');
      if (realText !== rootText && !realText.startsWith(rootText + path.sep)) {
        const link = (await lstat(place.bytes)).isSymbolicLink();
        warn(
          shown,
          link
            ? 'symlink points outside the repository; not followed'
            : 'outside the repository; skipped',
        );
        return;
      }
      try {
        info = await stat(real);
      } catch (error) {
        failClosed(shown, `cannot read: ${(error as NodeJS.ErrnoException).code ?? error}`);
        return;
      }
    }
    const name = path.basename(shown);
    if (!info.isDirectory()) {
      const wanted = DOCKERFILE.test(name) || MANIFEST.test(name);
      // Never opened (a FIFO would block the scan): what would be scanned, or what helm would
      // read as a chart's file, fails closed.
      if (!info.isFile()) {
        if (wanted || where !== 'none') failClosed(shown, `${kindOf(info)}, not a file`);
        return;
      }
      if (DOCKERFILE.test(name)) list(found.dockerfiles, place);
      else if (MANIFEST.test(name) && where !== 'chart-input') {
        if (where === 'chart-root' && CHART_INPUT_FILE.test(name)) return;
        list(found.manifests, place);
        if (where !== 'none') found.chartData.add(shown);
      }
      return;
    }
    if (visited.has(realText)) return;
    visited.add(realText);

    let entries: Dirent<Buffer>[];
    try {
      entries = await readdir(place.bytes, { encoding: 'buffer', withFileTypes: true });
    } catch (error) {
      failClosed(shown, `cannot read directory: ${(error as NodeJS.ErrnoException).code ?? error}`);
      return;
    }
    const names = entries.map((dirent) => ({ dirent, shown: displayName(dirent.name) }));
    names.sort((a, b) => a.shown.localeCompare(b.shown));
    // Where this directory's entries are: a directory right inside a chart is its input
    // (templates/, ci/) or data the chart carries (examples/, docs/).
    let inside: ChartPlace = where;
    if (where === 'chart-root') inside = CHART_INPUT_DIR.has(name) ? 'chart-input' : 'chart-data';
    // A Chart.yaml among the templates is a template; anywhere else it makes a chart.
    const isChart = inside !== 'chart-input' && names.some((entry) => entry.shown === 'Chart.yaml');
    if (isChart) inside = 'chart-root';
    if (isChart) {
      // helm takes the chart's path as an argument, which cannot carry bytes that are not UTF-8.
      if (place.escaped)
        failClosed(shown, 'chart directory name is not UTF-8; helm cannot render it');
      // A library chart (`type: library`) only provides helpers; helm refuses to render it alone.
      else if (!(await isLibraryChart(path.resolve(root, shown)))) found.charts.push(shown);
    }
    for (const { dirent, shown: entryShown } of names) {
      if (ALWAYS_SKIPPED.has(entryShown)) continue;
      // A chart's own charts/ holds vendored subcharts, rendered as part of their parent.
      if (isChart && entryShown === 'charts') continue;
      const child: Place = {
        bytes: Buffer.concat([place.bytes, SEPARATOR, dirent.name]),
        shown: shown === '.' ? entryShown : `${shown}/${entryShown}`,
        escaped: place.escaped || entryShown !== dirent.name.toString('utf8'),
      };
      await visit(child, inside, { dirent, parentReal: realText });
    }
  };

  for (const given of paths.length ? paths : ['.']) {
    const absolute = path.resolve(root, given);
    const shown = toPosix(path.relative(root, absolute)) || '.';
    try {
      await lstat(absolute);
    } catch {
      found.errors.push({ file: shown, message: 'path not found' });
      continue;
    }
    await visit({ bytes: Buffer.from(absolute), shown, escaped: false }, 'none');
  }
  for (const files of [found.manifests, found.dockerfiles, found.charts]) {
    files.splice(0, files.length, ...[...new Set(files)].sort());
  }
  return found;
}
