// The load stage for plain files: manifests into resources, Dockerfiles into models. A file
// that cannot be read becomes an error naming it; the other files load as usual.
import { constants } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import pLimit from 'p-limit';
import type { ScanError } from '../model.js';
import { parseDockerfile, type DockerfileModel } from './dockerfile.js';
import { isBinary, ManifestStrings, parseManifests } from './manifests.js';
import type { K8sResource } from './resource.js';
import { loadShellParser } from './shell.js';

export interface Loaded<T> {
  items: T[];
  /** Files that could not be read: the scan fails closed on each (KPG001). */
  errors: ScanError[];
  /** Said in the report, not failures. */
  warnings: ScanError[];
}

// Bounded so a repository of thousands of files never runs out of file descriptors.
const limit = pLimit(64);

/** Manifests read ahead of the one being parsed: reading overlaps parsing, and at most this
 *  many files' texts are in memory at once (not the whole repository's). */
const READ_AHEAD = 4;

/** Far above any real manifest (the API server stores objects of at most 1.5 MiB); bounds the
 *  time and memory one hostile file can cost. */
export const MAX_FILE_BYTES = 16 * 1024 * 1024;

/** Where the files of a load are: the repository, and the bytes that open a name that is not
 *  UTF-8 (discovery shows it escaped). */
export interface FileSource {
  root: string;
  byteNames?: ReadonlyMap<string, Buffer>;
  /** Files inside a chart directory that are not chart input (see Discovered.chartData). */
  chartData?: ReadonlySet<string>;
}

const mib = (n: number) => `${Math.round(n / 1024 / 1024)} MiB`;

/** A regular file's text, or why it cannot be read. Opened without blocking and checked on the
 *  open descriptor: a FIFO or device put where a file was is refused, never waited on. */
async function readText(source: FileSource, file: string): Promise<string | ScanError> {
  const where = source.byteNames?.get(file) ?? path.join(source.root, file);
  let handle: FileHandle | undefined;
  try {
    handle = await open(where, constants.O_RDONLY | constants.O_NONBLOCK);
    const info = await handle.stat();
    if (!info.isFile()) return { file, message: 'not a regular file' };
    if (info.size > MAX_FILE_BYTES) {
      return {
        file,
        message: `file is ${mib(info.size)}, over the ${mib(MAX_FILE_BYTES)} limit; split it or exclude it`,
      };
    }
    const read = await readBytes(handle, info.size);
    try {
      const { bytes } = read;
      if (bytes.length > MAX_FILE_BYTES) {
        return { file, message: `file grew over the ${mib(MAX_FILE_BYTES)} limit while read` };
      }
      if (isBinary(bytes)) return { file, message: 'binary file, not YAML or a Dockerfile' };
      return UTF8.decode(bytes);
    } finally {
      if (read.spare) giveBack(read.spare);
    }
  } catch (error) {
    return { file, message: `cannot read: ${(error as NodeJS.ErrnoException).code ?? error}` };
  } finally {
    await handle?.close();
  }
}

const UTF8 = new TextDecoder('utf-8');

/** Buffers small files are read into, reused: a buffer per file, read ahead while another file
 *  is parsed, outlives V8's young generation and is freed only at a full collection (several MB
 *  of them at a large scan's memory peak). As many as manifests are read ahead. */
const spareBuffers: Buffer[] = [];
const SPARE_BUFFER_LIMIT = 1024 * 1024;

/** The file's bytes; `spare`: the reused buffer they are in, to give back once decoded. A file
 *  that grew since its size was read is read again whole. */
async function readBytes(
  handle: FileHandle,
  size: number,
): Promise<{ bytes: Buffer; spare?: Buffer }> {
  if (size >= SPARE_BUFFER_LIMIT) return { bytes: await handle.readFile() };
  let spare = spareBuffers.pop();
  if (!spare || spare.length <= size) spare = Buffer.allocUnsafeSlow(Math.max(size + 1, 64 * 1024));
  let length = 0;
  while (length <= size) {
    const { bytesRead } = await handle.read(spare, length, spare.length - length, length);
    if (bytesRead === 0) return { bytes: spare.subarray(0, length), spare };
    length += bytesRead;
  }
  giveBack(spare);
  return { bytes: await handle.readFile() };
}

function giveBack(spare: Buffer): void {
  if (spareBuffers.length < READ_AHEAD) spareBuffers.push(spare);
}

/**
 * Whether a `.json` file holds a Kubernetes object, as kubectl would apply it: a JSON object with
 * `apiVersion` and `kind` (a `kind: List` included). Other JSON (package.json, a JSON schema, a
 * dashboard) is not a manifest. Text that is not JSON but names both fields is given to the
 * manifest parser, which reports what is wrong with it (fail closed).
 */
export function isKubernetesJson(text: string): boolean {
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return /"apiVersion"\s*:/.test(text) && /"kind"\s*:/.test(text);
  }
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    typeof (value as Record<string, unknown>).apiVersion === 'string' &&
    typeof (value as Record<string, unknown>).kind === 'string'
  );
}

const JSON_FILE = /\.json$/i;
/** Where a RUN or SHELL instruction may be (ONBUILD triggers too): the word anywhere, so a
 *  false match only loads the parser, never skips one. */
const SHELL_INSTRUCTION = /\b(?:run|shell)\b/i;

/** `onParsed`: called with each file's resources as soon as it is parsed, in file order (the scan
 *  evaluates them then, and may free their objects before the next file is parsed). */
export async function loadManifestFiles(
  source: FileSource | string,
  files: readonly string[],
  onParsed?: (resources: readonly K8sResource[]) => void,
): Promise<Loaded<K8sResource>> {
  const from = typeof source === 'string' ? { root: source } : source;
  const loaded: Loaded<K8sResource> = { items: [], errors: [], warnings: [] };
  const strings = new ManifestStrings();
  // In file order, each text dropped once parsed; the next few are read meanwhile.
  const reading = files.slice(0, READ_AHEAD).map((file) => readText(from, file));
  for (let index = 0; index < files.length; index++) {
    const text = await reading.shift()!;
    if (index + READ_AHEAD < files.length) reading.push(readText(from, files[index + READ_AHEAD]));
    if (typeof text !== 'string') {
      loaded.errors.push(text);
      continue;
    }
    const file = files[index];
    if (JSON_FILE.test(file) && !isKubernetesJson(text)) continue;
    const { resources, errors } = parseManifests(text, { file, strings });
    // Not push(...spread): a file of 100,000 documents would overflow the call stack.
    for (const resource of resources) loaded.items.push(resource);
    onParsed?.(resources);
    if (errors.length > 0 && from.chartData?.has(file) && text.includes('{{')) {
      // A Go template outside templates/ is data the chart reads (`tpl (.Files.Get ...)`), which
      // no client could apply as it is: said, but not a failure.
      loaded.warnings.push({
        file,
        line: errors[0].line,
        level: 'warning',
        message: "a Go template outside the chart's templates/, not YAML; not scanned",
      });
      continue;
    }
    for (const error of errors) loaded.errors.push(error);
  }
  return loaded;
}

export async function loadDockerfiles(
  source: FileSource | string,
  files: readonly string[],
): Promise<Loaded<DockerfileModel>> {
  const from = typeof source === 'string' ? { root: source } : source;
  const loaded: Loaded<DockerfileModel> = { items: [], errors: [], warnings: [] };
  const texts = await Promise.all(files.map((file) => limit(() => readText(from, file))));
  // The shell parser (a large module) only when some Dockerfile has a shell command to read.
  if (texts.some((text) => typeof text === 'string' && SHELL_INSTRUCTION.test(text))) {
    await loadShellParser();
  }
  for (const [index, file] of files.entries()) {
    // One file a turn: parsing a Dockerfile's shell takes a while, and the helm renders that
    // start or finish meanwhile are taken up between two files, not after all of them.
    await nextTurn();
    const text = texts[index];
    if (typeof text === 'string') loaded.items.push(parseDockerfile(text, file));
    else loaded.errors.push(text);
  }
  return loaded;
}
