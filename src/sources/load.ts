// The load stage for plain files: manifests into resources, Dockerfiles into models. A file
// that cannot be read becomes an error naming it; the other files load as usual.
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import pLimit from 'p-limit';
import type { ScanError } from '../model.js';
import { parseDockerfile, type DockerfileModel } from './dockerfile.js';
import { isBinary, ManifestStrings, parseManifests } from './manifests.js';
import type { K8sResource } from './resource.js';
import { loadShellParser } from './shell.js';

export interface Loaded<T> {
  items: T[];
  errors: ScanError[];
}

// Bounded so a repository of thousands of files never runs out of file descriptors.
const limit = pLimit(64);

/** Manifests read ahead of the one being parsed: reading overlaps parsing, and at most this
 *  many files' texts are in memory at once (not the whole repository's). */
const READ_AHEAD = 4;

/** Far above any real manifest (the API server stores objects of at most 1.5 MiB); bounds the
 *  time and memory one hostile file can cost. */
export const MAX_FILE_BYTES = 16 * 1024 * 1024;

async function readText(root: string, file: string): Promise<string | ScanError> {
  try {
    const { size } = await stat(path.join(root, file));
    if (size > MAX_FILE_BYTES) {
      const mib = (n: number) => `${Math.round(n / 1024 / 1024)} MiB`;
      return {
        file,
        message: `file is ${mib(size)}, over the ${mib(MAX_FILE_BYTES)} limit; split it or exclude it`,
      };
    }
    const bytes = await readFile(path.join(root, file));
    if (isBinary(bytes)) return { file, message: 'binary file, not YAML or a Dockerfile' };
    return new TextDecoder('utf-8').decode(bytes);
  } catch (error) {
    return { file, message: `cannot read: ${(error as NodeJS.ErrnoException).code ?? error}` };
  }
}

export async function loadManifestFiles(
  root: string,
  files: readonly string[],
): Promise<Loaded<K8sResource>> {
  const loaded: Loaded<K8sResource> = { items: [], errors: [] };
  const strings = new ManifestStrings();
  // In file order, each text dropped once parsed; the next few are read meanwhile.
  const reading = files.slice(0, READ_AHEAD).map((file) => readText(root, file));
  for (let index = 0; index < files.length; index++) {
    const text = await reading.shift()!;
    if (index + READ_AHEAD < files.length) reading.push(readText(root, files[index + READ_AHEAD]));
    if (typeof text !== 'string') {
      loaded.errors.push(text);
      continue;
    }
    const { resources, errors } = parseManifests(text, { file: files[index], strings });
    // Not push(...spread): a file of 100,000 documents would overflow the call stack.
    for (const resource of resources) loaded.items.push(resource);
    for (const error of errors) loaded.errors.push(error);
  }
  return loaded;
}

export async function loadDockerfiles(
  root: string,
  files: readonly string[],
): Promise<Loaded<DockerfileModel>> {
  const loaded: Loaded<DockerfileModel> = { items: [], errors: [] };
  if (files.length > 0) await loadShellParser();
  const texts = await Promise.all(files.map((file) => limit(() => readText(root, file))));
  files.forEach((file, index) => {
    const text = texts[index];
    if (typeof text === 'string') loaded.items.push(parseDockerfile(text, file));
    else loaded.errors.push(text);
  });
  return loaded;
}
