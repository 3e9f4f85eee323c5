// The load stage for plain files: manifests into resources, Dockerfiles into models. A file
// that cannot be read becomes an error naming it; the other files load as usual.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import pLimit from 'p-limit';
import type { ScanError } from '../model.js';
import { parseDockerfile, type DockerfileModel } from './dockerfile.js';
import { isBinary, parseManifests } from './manifests.js';
import type { K8sResource } from './resource.js';

export interface Loaded<T> {
  items: T[];
  errors: ScanError[];
}

// Bounded so a repository of thousands of files never runs out of file descriptors.
const limit = pLimit(64);

async function readText(root: string, file: string): Promise<string | ScanError> {
  try {
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
  const texts = await Promise.all(files.map((file) => limit(() => readText(root, file))));
  files.forEach((file, index) => {
    const text = texts[index];
    if (typeof text !== 'string') {
      loaded.errors.push(text);
      return;
    }
    const { resources, errors } = parseManifests(text, { file });
    loaded.items.push(...resources);
    loaded.errors.push(...errors);
  });
  return loaded;
}

export async function loadDockerfiles(
  root: string,
  files: readonly string[],
): Promise<Loaded<DockerfileModel>> {
  const loaded: Loaded<DockerfileModel> = { items: [], errors: [] };
  const texts = await Promise.all(files.map((file) => limit(() => readText(root, file))));
  files.forEach((file, index) => {
    const text = texts[index];
    if (typeof text === 'string') loaded.items.push(parseDockerfile(text, file));
    else loaded.errors.push(text);
  });
  return loaded;
}
