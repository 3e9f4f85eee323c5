// The load stage for plain files: manifests into resources, Dockerfiles into models. A file
// that cannot be read becomes an error naming it; the other files load as usual.
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import path from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
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
const sizeProblem = (file: string, size: number): ScanError | undefined =>
  size > MAX_FILE_BYTES
    ? {
        file,
        message: `file is ${mib(size)}, over the ${mib(MAX_FILE_BYTES)} limit; split it or exclude it`,
      }
    : undefined;
const grewProblem = (file: string): ScanError => ({
  file,
  message: `file grew over the ${mib(MAX_FILE_BYTES)} limit while read`,
});

const UTF8 = new TextDecoder('utf-8');

/** A regular file's text, or why it cannot be read. Opened without blocking and checked on the
 *  open descriptor: a FIFO or device put where a file was is refused, never waited on. Read
 *  synchronously: an asynchronous read costs the main thread more than the read itself (waking
 *  a pool thread, on a busy machine a context switch: 0.1-0.2 ms a call, four calls a file). */
function readText(source: FileSource, file: string): string | ScanError {
  const where = source.byteNames?.get(file) ?? path.join(source.root, file);
  let fd: number | undefined;
  try {
    fd = openSync(where, constants.O_RDONLY | constants.O_NONBLOCK);
    const info = fstatSync(fd);
    if (!info.isFile()) return { file, message: 'not a regular file' };
    const problem = sizeProblem(file, info.size);
    if (problem) return problem;
    let buffer = readBuffer.length > info.size ? readBuffer : Buffer.allocUnsafeSlow(info.size + 1);
    let length = 0;
    for (;;) {
      const read = readSync(fd, buffer, length, buffer.length - length, null);
      if (read === 0) break;
      length += read;
      if (length > MAX_FILE_BYTES) return grewProblem(file);
      // A file that grew since its size was read: read on into a larger buffer.
      if (length === buffer.length) buffer = Buffer.concat([buffer, Buffer.alloc(buffer.length)]);
    }
    if (buffer.length <= MAX_READ_BUFFER_BYTES) readBuffer = buffer;
    const bytes = buffer.subarray(0, length);
    if (isBinary(bytes)) return { file, message: 'binary file, not YAML or a Dockerfile' };
    return UTF8.decode(bytes);
  } catch (error) {
    return { file, message: `cannot read: ${(error as NodeJS.ErrnoException).code ?? error}` };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** The buffer files are read into, reused (a buffer per file outlived V8's young generation
 *  and was freed only at a full collection), grown up to this size. */
let readBuffer = Buffer.allocUnsafeSlow(64 * 1024);
const MAX_READ_BUFFER_BYTES = 1024 * 1024;

/** A function to await between two pieces of synchronous work: it gives the event loop a turn
 *  once `sliceMs` have passed since the last. */
function timeSlice(sliceMs = 4): () => Promise<void> | undefined {
  let since = performance.now();
  return () => {
    if (performance.now() - since < sliceMs) return undefined;
    return nextTurn().then(() => {
      since = performance.now();
    });
  };
}

/** Whether any of the files' texts matches `pattern` (read, tested and dropped one by one; the
 *  helm renders that finish meanwhile are taken up between two files). */
export async function anyFileMatches(
  source: FileSource,
  files: readonly string[],
  pattern: RegExp,
): Promise<boolean> {
  const yieldEvery = timeSlice();
  for (const file of files) {
    await yieldEvery();
    const text = readText(source, file);
    if (typeof text === 'string' && pattern.test(text)) return true;
  }
  return false;
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
  const yieldEvery = timeSlice();
  for (let index = 0; index < files.length; index++) {
    // The helm renders that finish or start meanwhile are taken up between two files.
    await yieldEvery();
    const text = readText(from, files[index]);
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
  const texts = files.map((file) => readText(from, file));
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
