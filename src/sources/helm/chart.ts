// A chart on disk as the renderer and the source map need it: its name (the prefix of helm's
// `# Source:` comments), its vendored subcharts (with aliases), and its values files.
import type { Dirent } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { isMap, isSeq, LineCounter, parseDocument, type Document } from 'yaml';
import { readRegularFile, resolveInside } from '../read-file.js';

export interface ChartInfo {
  /** Repository-relative chart directory (`/`-separated). */
  dir: string;
  /** `name` from Chart.yaml, or the alias this chart is rendered under as a dependency. */
  name: string;
  /** Key of this chart's values inside its parent's values (alias or name); '' for the root. */
  valuesKey: string;
  /** Unpacked subcharts under `charts/`, one entry per name and alias helm renders them as. */
  subcharts: ChartInfo[];
  /** Packaged subcharts (`charts/*.tgz`): helm renders them, but their files are not on disk. */
  packaged: string[];
  /** Chart.yaml `dependencies`, with the line each starts on. */
  dependencies: ChartMetadata['dependencies'];
}

export interface ChartMetadata {
  name: string;
  type?: string;
  dependencies: { name: string; alias?: string; line: number }[];
}

/** Chart.yaml is small; a bigger one (or /dev/zero behind a link) is refused, not read. */
const MAX_CHART_YAML_BYTES = 1024 * 1024;

/**
 * Reads Chart.yaml: name, type, dependencies (with the line each starts on). Only a regular file
 * of bounded size; with `root`, only one inside the repository.
 */
export async function readChartMetadata(
  absoluteDir: string,
  root?: string,
): Promise<ChartMetadata> {
  const file = root
    ? resolveInside(root, absoluteDir, 'Chart.yaml')
    : path.join(absoluteDir, 'Chart.yaml');
  const text = readRegularFile(file, MAX_CHART_YAML_BYTES).toString('utf8');
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, logLevel: 'error', uniqueKeys: false });
  const json = (doc.toJS() ?? {}) as Record<string, unknown>;
  const name = typeof json.name === 'string' ? json.name : path.basename(absoluteDir);
  return {
    name,
    type: typeof json.type === 'string' ? json.type : undefined,
    dependencies: dependencyLines(doc, lineCounter),
  };
}

function dependencyLines(doc: Document, lineCounter: LineCounter): ChartMetadata['dependencies'] {
  const list = isMap(doc.contents) ? doc.contents.get('dependencies', true) : undefined;
  if (!isSeq(list)) return [];
  return list.items.flatMap((item) => {
    if (!isMap(item)) return [];
    const name = item.get('name');
    const alias = item.get('alias');
    if (typeof name !== 'string') return [];
    const line = lineCounter.linePos(item.range?.[0] ?? 0).line;
    return [{ name, alias: typeof alias === 'string' ? alias : undefined, line }];
  });
}

export async function isLibraryChart(absoluteDir: string): Promise<boolean> {
  try {
    return (await readChartMetadata(absoluteDir)).type === 'library';
  } catch {
    return false; // an unreadable Chart.yaml is for helm to report
  }
}

/** The chart at `dir` (repository-relative) and, recursively, its unpacked subcharts. */
export async function loadChartInfo(
  root: string,
  dir: string,
  name?: string,
  valuesKey = '',
): Promise<ChartInfo> {
  const absolute = path.join(root, dir);
  const metadata = await readChartMetadata(absolute, root);
  const info: ChartInfo = {
    dir,
    name: name ?? metadata.name,
    valuesKey,
    subcharts: [],
    packaged: [],
    dependencies: metadata.dependencies,
  };
  let entries: Dirent[];
  try {
    entries = await readdir(path.join(absolute, 'charts'), { withFileTypes: true });
  } catch {
    return info; // no charts/ folder
  }
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    const childDir = path.posix.join(dir, 'charts', entry.name);
    if (entry.isFile() && entry.name.endsWith('.tgz')) {
      info.packaged.push(childDir);
      continue;
    }
    if (!entry.isDirectory()) continue;
    let childName: string;
    try {
      childName = (await readChartMetadata(path.join(root, childDir), root)).name;
    } catch {
      continue; // not a chart; helm reports it if it matters
    }
    // A dependency listed with an alias is rendered (and keyed in values) under the alias.
    const aliases = metadata.dependencies
      .filter((dep) => dep.name === childName && dep.alias)
      .map((dep) => dep.alias!);
    for (const as of aliases.length ? aliases : [childName]) {
      info.subcharts.push(await loadChartInfo(root, childDir, as, as));
    }
  }
  return info;
}

export interface TemplateSource {
  /** The chart (or subchart) the template belongs to, outermost first. */
  chain: ChartInfo[];
  /** Repository-relative path of the template, or of the packaged subchart holding it. */
  file: string;
  /** False for a template inside a packaged `.tgz` subchart. */
  onDisk: boolean;
}

/**
 * Maps helm's `# Source: <chart-name>/[charts/<sub>/]templates/x.yaml` (names, not folders) to the
 * repository path of the template.
 */
export function resolveSource(chart: ChartInfo, source: string): TemplateSource {
  const segments = source.split('/');
  const chain = [chart];
  let index = segments[0] === chart.name ? 1 : 0;
  while (segments[index] === 'charts' && index + 1 < segments.length - 1) {
    const current = chain[chain.length - 1];
    const name = segments[index + 1];
    const sub = current.subcharts.find((child) => child.name === name);
    if (!sub) {
      const packaged =
        current.packaged.find((file) => path.posix.basename(file).startsWith(`${name}-`)) ??
        `${current.dir}/Chart.yaml`;
      return { chain, file: packaged, onDisk: false };
    }
    chain.push(sub);
    index += 2;
  }
  const owner = chain[chain.length - 1];
  const rest = segments.slice(index).join('/');
  return { chain, file: owner.dir === '.' ? rest : `${owner.dir}/${rest}`, onDisk: true };
}

/** Every chart directory in the tree (each once, aliases folded). */
export function chartDirs(chart: ChartInfo): string[] {
  const dirs = new Set<string>([chart.dir]);
  for (const sub of chart.subcharts) for (const dir of chartDirs(sub)) dirs.add(dir);
  return [...dirs];
}
