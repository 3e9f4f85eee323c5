// One kustomization file read for what the scan needs of it: what it refers to (bases,
// components, files it reads), which patches and `images:` entries it applies, and the line of
// each. kustomize itself renders; this only maps its output back to the lines a human changes.
import path from 'node:path';
import {
  isMap,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  Scalar,
  type Node,
  type Pair,
} from 'yaml';
import type { ScanError } from '../../model.js';
import { isObject, type KubeObject } from '../resource.js';
import { loadYamlStream } from '../yaml-load.js';
import { DocumentPositions, KeyTable } from '../yaml-position.js';

/** The file names kustomize looks for in a directory, in its order. */
export const KUSTOMIZATION_FILES = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'];

/** A `resources:` or `components:` entry. */
export interface Reference {
  /** As written. */
  value: string;
  line: number;
  /** Repository-relative path it names, when local (a file or a kustomization directory). */
  local?: string;
  /** A git, HTTP or OCI location kustomize would download. */
  remote?: boolean;
  /** An absolute path, or one leading out of the repository: never read. */
  outside?: boolean;
}

/** Which resources a patch applies to (`target:`), as kustomize's selector. */
export interface Selector {
  group?: string;
  version?: string;
  kind?: string;
  name?: string;
  namespace?: string;
  labelSelector?: string;
  annotationSelector?: string;
}

/** One parsed document of a patch: its value and where its nodes are. */
export interface PatchDocument {
  value: unknown;
  positions: DocumentPositions;
}

export interface Patch {
  /** Where its text is: the patch file, or the kustomization for an inline patch. */
  file: string;
  /** The line of the entry in the kustomization (for an inline patch with no line mapping). */
  entryLine: number;
  /** Inline text that is not a literal block: every position is the entry's line. */
  flat: boolean;
  type: 'strategic-merge' | 'json6902';
  /** Listed under the deprecated `patchesJson6902:`, which kustomize applies after `namespace:`. */
  legacyJson6902?: boolean;
  target?: Selector;
  documents: PatchDocument[];
}

export interface ImageEntry {
  name: string;
  newName?: string;
  newTag?: string;
  digest?: string;
  line: number;
  endLine?: number;
}

/** A label or annotation a kustomization adds to the resources it builds (`commonLabels:`,
 *  `labels:` pairs, `commonAnnotations:`), with the line of its key. */
export interface MetadataEntry {
  key: string;
  value: string;
  line: number;
}

/** A `replicas:` entry: the count kustomize sets on the named workloads. */
export interface ReplicaEntry {
  name: string;
  count: number;
  line: number;
  endLine?: number;
}

export interface Kustomization {
  /** Repository-relative directory ('.' for the root). */
  dir: string;
  /** Repository-relative file. */
  file: string;
  kind: 'Kustomization' | 'Component';
  resources: Reference[];
  components: Reference[];
  /** In the order kustomize applies them: patchesStrategicMerge, patches, patchesJson6902. */
  patches: Patch[];
  images: ImageEntry[];
  replicas: ReplicaEntry[];
  labels: MetadataEntry[];
  annotations: MetadataEntry[];
  /** `namespace:`, with its line: where a namespace finding is fixed. */
  namespace?: { value: string; line: number };
  /** Line of `configMapGenerator:` / `secretGenerator:`: generated resources are fixed there. */
  generatorLine?: number;
  /** Lines of the keys that run more than kustomize's builtins (`transformers:`, `generators:`,
   *  `validators:`, `helmCharts:`): a scan's build refuses them, and says so there. */
  pluginLines?: Partial<
    Record<'transformers' | 'generators' | 'validators' | 'helmCharts', number>
  >;
  /** Repository-relative files it reads besides kustomizations (resources, patches, generator
   *  inputs, ...): inputs of the render, never scanned on their own. */
  inputs: string[];
  errors: ScanError[];
}

/** `github.com/org/repo//dir?ref=v1`, `https://...`, `git@host:...`, `oci://...`. */
const REMOTE = /^(?:[a-z][a-z0-9+.-]*:\/\/|git@|(?:github\.com|gitlab\.com|bitbucket\.org)[/:])/i;

export function isRemote(value: string): boolean {
  return REMOTE.test(value) || /\?ref=|\.git(?:\/\/|$)/.test(value);
}

/** Reads the file's text (the caller bounds its size) into a Kustomization. */
export function parseKustomization(
  text: string,
  file: string,
  readPatch: (file: string) => string | undefined,
): Kustomization {
  const dir = path.posix.dirname(file);
  const result: Kustomization = {
    dir,
    file,
    kind: 'Kustomization',
    resources: [],
    components: [],
    patches: [],
    images: [],
    replicas: [],
    labels: [],
    annotations: [],
    inputs: [],
    errors: [],
  };
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, {
    lineCounter,
    logLevel: 'error',
    prettyErrors: false,
    uniqueKeys: false,
  });
  const lineOf = (node: unknown, fallback = 1) => {
    const offset = (node as Node | null | undefined)?.range?.[0];
    return offset === undefined ? fallback : lineCounter.linePos(offset).line;
  };
  if (doc.errors.length) {
    const error = doc.errors[0];
    const offset = Math.min(error.pos[0], text.trimEnd().length);
    const message = error.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
    result.errors.push({ file, line: lineCounter.linePos(offset).line, message });
    return result;
  }
  if (!isMap(doc.contents)) return result;
  const fields = new Map<string, Pair>();
  for (const pair of doc.contents.items) {
    if (isScalar(pair.key)) fields.set(String(pair.key.value), pair as Pair);
  }
  const value = (key: string) => fields.get(key)?.value as Node | null | undefined;
  const items = (key: string): Node[] => {
    const node = value(key);
    return isSeq(node) ? (node.items as Node[]) : [];
  };
  const local = (written: string) => path.posix.normalize(path.posix.join(dir, written));

  if (scalarText(value('kind')) === 'Component') result.kind = 'Component';
  for (const key of ['resources', 'bases', 'components'] as const) {
    for (const item of items(key)) {
      const written = scalarText(item);
      if (written === undefined) continue;
      const reference: Reference = { value: written, line: lineOf(item) };
      if (isRemote(written)) reference.remote = true;
      else if (path.posix.isAbsolute(written) || /^\.\.(?:\/|$)/.test(local(written))) {
        reference.outside = true;
      } else reference.local = local(written);
      (key === 'components' ? result.components : result.resources).push(reference);
    }
  }
  const namespace = value('namespace');
  if (scalarText(namespace) !== undefined) {
    result.namespace = {
      value: scalarText(namespace)!,
      line: lineOf(fields.get('namespace')!.key),
    };
  }
  for (const key of ['configMapGenerator', 'secretGenerator']) {
    if (fields.has(key)) result.generatorLine ??= lineOf(fields.get(key)!.key);
    for (const item of items(key)) {
      const generator = isMap(item) ? (item.toJSON() as KubeObject) : {};
      for (const list of ['files', 'envs']) {
        for (const entry of stringsOf(generator[list])) {
          // `files` entries may be `key=path`.
          result.inputs.push(local(entry.slice(entry.indexOf('=') + 1)));
        }
      }
      if (typeof generator.env === 'string') result.inputs.push(local(generator.env));
    }
  }
  for (const key of ['transformers', 'generators', 'validators', 'helmCharts'] as const) {
    if (fields.has(key)) (result.pluginLines ??= {})[key] = lineOf(fields.get(key)!.key);
  }
  for (const key of ['configurations', 'crds', 'transformers', 'generators', 'validators']) {
    for (const item of items(key)) {
      const written = scalarText(item);
      if (written !== undefined && !written.includes('\n') && !isRemote(written)) {
        result.inputs.push(local(written));
      }
    }
  }
  for (const item of items('replacements')) {
    const written = isMap(item) ? scalarText(item.get('path', true) as Node) : undefined;
    if (written !== undefined) result.inputs.push(local(written));
  }
  const openapiPath = isMap(value('openapi'))
    ? scalarText(
        (value('openapi') as Node & { get(k: string, keep: true): Node }).get('path', true),
      )
    : undefined;
  if (openapiPath !== undefined) result.inputs.push(local(openapiPath));

  const addPatch = (
    key: string,
    entry: Node,
    type: Patch['type'] | undefined,
    written: { path?: string; inline?: Node },
    target?: Selector,
  ) => {
    const entryLine = lineOf(entry);
    const legacy = key === 'patchesJson6902';
    if (written.path !== undefined) {
      const patchFile = local(written.path);
      result.inputs.push(patchFile);
      const text = readPatch(patchFile);
      if (text === undefined) return; // kustomize reports the missing file when it renders
      const documents = patchDocuments(text, 0);
      result.patches.push({
        file: patchFile,
        entryLine,
        flat: false,
        type: type ?? patchType(documents),
        ...(legacy ? { legacyJson6902: true } : {}),
        target,
        documents,
      });
    } else if (written.inline && isScalar(written.inline)) {
      const inline = written.inline as Scalar;
      const block = inline.type === Scalar.BLOCK_LITERAL;
      // A literal block's content starts on the line after its `|` indicator, line for line.
      const documents = patchDocuments(String(inline.value), block ? lineOf(inline) : 0);
      result.patches.push({
        file,
        entryLine,
        flat: !block,
        type: type ?? patchType(documents),
        ...(legacy ? { legacyJson6902: true } : {}),
        target,
        documents,
      });
    }
  };
  for (const item of items('patchesStrategicMerge')) {
    const written = scalarText(item);
    if (written === undefined) continue;
    if (written.includes('\n'))
      addPatch('patchesStrategicMerge', item, 'strategic-merge', { inline: item });
    else addPatch('patchesStrategicMerge', item, 'strategic-merge', { path: written });
  }
  for (const item of items('patches')) {
    if (!isMap(item)) continue;
    const patchPath = scalarText(item.get('path', true) as Node);
    const inline = item.get('patch', true) as Node | undefined;
    addPatch(
      'patches',
      item,
      undefined,
      { path: patchPath, inline },
      selector(item.get('target', true)),
    );
  }
  for (const item of items('patchesJson6902')) {
    if (!isMap(item)) continue;
    const patchPath = scalarText(item.get('path', true) as Node);
    const inline = item.get('patch', true) as Node | undefined;
    addPatch(
      'patchesJson6902',
      item,
      'json6902',
      { path: patchPath, inline },
      selector(item.get('target', true)),
    );
  }
  for (const item of items('images')) {
    if (!isMap(item)) continue;
    const image = item.toJSON() as KubeObject;
    if (typeof image.name !== 'string') continue;
    const [start, , end] = item.range ?? [0, 0, 0];
    const line = lineCounter.linePos(start).line;
    const endLine = lineCounter.linePos(Math.max(start, end - 1)).line;
    result.images.push({
      name: image.name,
      ...(typeof image.newName === 'string' ? { newName: image.newName } : {}),
      ...(image.newTag !== undefined && image.newTag !== null
        ? { newTag: String(image.newTag) }
        : {}),
      ...(typeof image.digest === 'string' ? { digest: image.digest } : {}),
      line,
      ...(endLine > line ? { endLine } : {}),
    });
  }
  // Label and annotation values are strings to kustomize (it quotes `true` and `8080`).
  const pairs = (node: unknown, into: MetadataEntry[]) => {
    if (!isMap(node)) return;
    for (const pair of node.items) {
      const key = scalarText(pair.key);
      const text = scalarText(pair.value);
      if (key !== undefined && text !== undefined) {
        into.push({ key, value: text, line: lineOf(pair.key) });
      }
    }
  };
  pairs(value('commonLabels'), result.labels);
  for (const item of items('labels')) {
    if (isMap(item)) pairs(item.get('pairs', true), result.labels);
  }
  pairs(value('commonAnnotations'), result.annotations);
  for (const item of items('replicas')) {
    if (!isMap(item)) continue;
    const entry = item.toJSON() as KubeObject;
    if (typeof entry.name !== 'string' || typeof entry.count !== 'number') continue;
    const [start, , end] = item.range ?? [0, 0, 0];
    const line = lineCounter.linePos(start).line;
    const endLine = lineCounter.linePos(Math.max(start, end - 1)).line;
    result.replicas.push({
      name: entry.name,
      count: entry.count,
      line,
      ...(endLine > line ? { endLine } : {}),
    });
  }
  return result;
}

function scalarText(node: unknown): string | undefined {
  return isScalar(node) && node.value !== null && typeof node.value !== 'object'
    ? String(node.value)
    : undefined;
}

function stringsOf(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item) => typeof item === 'string') : [];
}

function selector(node: unknown): Selector | undefined {
  if (!isMap(node)) return undefined;
  const value = node.toJSON() as KubeObject;
  const result: Selector = {};
  for (const key of [
    'group',
    'version',
    'kind',
    'name',
    'namespace',
    'labelSelector',
    'annotationSelector',
  ] as const) {
    if (typeof value[key] === 'string') result[key] = value[key];
  }
  return result;
}

/** A list of operations is a JSON 6902 patch; anything else a strategic-merge patch. */
function patchType(documents: readonly PatchDocument[]): Patch['type'] {
  return Array.isArray(documents[0]?.value) ? 'json6902' : 'strategic-merge';
}

/** The documents of a patch text (YAML or JSON), positions shifted by `lineOffset`. */
export function patchDocuments(text: string, lineOffset: number): PatchDocument[] {
  const keys = new KeyTable();
  const documents: PatchDocument[] = [];
  // Read in the API server's dialect, like every manifest; a document that cannot be read is
  // left to kustomize's render, which names the problem.
  for (const doc of loadYamlStream(text, { keys, intern: (value) => value, lineOffset })) {
    if (!('value' in doc) || (!isObject(doc.value) && !Array.isArray(doc.value))) continue;
    documents.push({
      value: doc.value,
      positions: DocumentPositions.fromEntries(doc.positions, keys),
    });
  }
  return documents;
}
