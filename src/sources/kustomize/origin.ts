// From a field of a rendered overlay to the line a human changes. kustomize says which file a
// resource came from (`config.kubernetes.io/origin`) and which kustomizations transformed it, in
// order (`alpha.config.kubernetes.io/transformations`); which patch set a given field it does
// not say. So the transformers of those kustomizations are replayed backwards, last applied
// first, and the first that wrote the field's rendered value owns it:
//   - a strategic-merge patch (list items matched by their merge key, `name` for containers)
//     or a JSON 6902 operation (`add`/`replace` at the field or above it): the patch line;
//   - an `images:` entry that produces the rendered image: that entry of the kustomization;
//   - `namespace:` for the namespace it sets: that line of the kustomization;
//   - a `replicas:` entry naming the workload, for the count it sets: that entry;
//   - a `commonLabels:`/`labels:` pair or a `commonAnnotations:` entry, for the label or
//     annotation (selectors and pod templates included) it sets: that line;
// else the base resource's line (for a missing field, its nearest existing parent there).
// A map or list is owned by a patch only when the base does not have it (a patch that adds a
// container owns it; one that tweaks a field of an existing container owns only that field).
import type { SourceKind } from '../../model.js';
import { getIn, isObject, type KubeObject, type Location, type Path } from '../resource.js';
import type {
  ImageEntry,
  Kustomization,
  MetadataEntry,
  Patch,
  PatchDocument,
  Selector,
} from './kustomization.js';

/** What the writers look at: the rendered resource and the base document it started as. */
export interface RenderedResource {
  object: KubeObject;
  /** Names it may be targeted by: rendered, and as in its base (before prefixes/suffixes). */
  names: ReadonlySet<string>;
  base?: { file: string; document: PatchDocument };
}

type Placement = Required<Pick<Location, 'file' | 'source'>> & Pick<Location, 'line' | 'endLine'>;

interface Writer {
  claim(resource: RenderedResource, path: Path, value: unknown): Placement | undefined;
}

/** Per list field, the key strategic merge matches items by (as the Kubernetes API types). */
const MERGE_KEYS: Record<string, readonly string[]> = {
  containers: ['name'],
  initContainers: ['name'],
  ephemeralContainers: ['name'],
  volumes: ['name'],
  env: ['name'],
  imagePullSecrets: ['name'],
  resourceClaims: ['name'],
  ports: ['containerPort', 'port'],
  volumeMounts: ['mountPath'],
  volumeDevices: ['devicePath'],
  hostAliases: ['ip'],
  topologySpreadConstraints: ['topologyKey'],
};

const isScalar = (value: unknown) => value === null || typeof value !== 'object';

/**
 * `path` (of the rendered object) inside `document`: list items by merge key where the list
 * has one (else by index, as strategic merge replaces such lists whole). `complete` when the
 * document has every step.
 */
export function mapPath(
  rendered: unknown,
  document: unknown,
  path: Path,
): { path: (string | number)[]; complete: boolean } {
  const mapped: (string | number)[] = [];
  let r = rendered;
  let d = document;
  let field = '';
  for (const segment of path) {
    if (typeof segment === 'number') {
      if (!Array.isArray(r) || !Array.isArray(d)) return { path: mapped, complete: false };
      const item = r[segment] as unknown;
      const key = (MERGE_KEYS[field] ?? []).find((k) => isObject(item) && item[k] !== undefined);
      const index =
        key && isObject(item)
          ? d.findIndex((other) => isObject(other) && other[key] === item[key])
          : segment < d.length
            ? segment
            : -1;
      if (index === -1) return { path: mapped, complete: false };
      r = item;
      d = d[index] as unknown;
      mapped.push(index);
    } else {
      if (!isObject(d) || !Object.hasOwn(d, segment)) return { path: mapped, complete: false };
      r = isObject(r) ? r[segment] : undefined;
      d = d[segment];
      field = segment;
      mapped.push(segment);
    }
  }
  return { path: mapped, complete: true };
}

/** Whether the base document has `path` (mapped as a strategic merge would). */
function baseHas(resource: RenderedResource, path: Path): boolean {
  return (
    resource.base !== undefined &&
    mapPath(resource.object, resource.base.document.value, path).complete
  );
}

/** A patch's value at the field makes it the writer: equal scalars, or a map/list it added. */
function wrote(resource: RenderedResource, path: Path, value: unknown, written: unknown): boolean {
  if (written === undefined) return false;
  return isScalar(value) ? written === value : !baseHas(resource, path);
}

function place(patch: Patch, document: PatchDocument, path: Path): Placement {
  if (patch.flat) return { file: patch.file, line: patch.entryLine, source: 'kustomize-patch' };
  return { file: patch.file, source: 'kustomize-patch', ...document.positions.locate(path) };
}

/** kustomize's selector: each field a regular expression matched whole. */
export function selects(selector: Selector, resource: RenderedResource): boolean {
  const { object } = resource;
  const metadata = isObject(object.metadata) ? object.metadata : {};
  const apiVersion = typeof object.apiVersion === 'string' ? object.apiVersion : '';
  const [group, version] = apiVersion.includes('/') ? apiVersion.split('/') : ['', apiVersion];
  const matches = (pattern: string | undefined, values: Iterable<string>) => {
    if (pattern === undefined || pattern === '') return true;
    let regex: RegExp | undefined;
    try {
      regex = new RegExp(`^(?:${pattern})$`);
    } catch {
      regex = undefined;
    }
    for (const value of values) if (regex ? regex.test(value) : value === pattern) return true;
    return false;
  };
  return (
    matches(selector.group, [group]) &&
    matches(selector.version, [version]) &&
    matches(selector.kind, [String(object.kind ?? '')]) &&
    matches(selector.name, resource.names) &&
    matches(selector.namespace, [String(metadata.namespace ?? '')]) &&
    labelsMatch(selector.labelSelector, metadata.labels) &&
    labelsMatch(selector.annotationSelector, metadata.annotations)
  );
}

/** `a=b,c!=d,e`: the equality-based form of a label selector. */
function labelsMatch(selector: string | undefined, labels: unknown): boolean {
  if (!selector) return true;
  const map = isObject(labels) ? labels : {};
  return selector.split(',').every((term) => {
    const [key, value] = term.split(/!?==?/).map((part) => part.trim());
    if (value === undefined) return Object.hasOwn(map, key);
    const equal = String(map[key] ?? '') === value && Object.hasOwn(map, key);
    return term.includes('!=') ? !equal : equal;
  });
}

function strategicMergeWriter(patch: Patch, document: PatchDocument): Writer {
  const value = document.value;
  const metadata = isObject(value) && isObject(value.metadata) ? value.metadata : {};
  return {
    claim(resource, path, rendered) {
      if (!isObject(value)) return undefined;
      if (patch.target) {
        if (!selects(patch.target, resource)) return undefined;
      } else if (
        value.kind !== resource.object.kind ||
        !resource.names.has(String(metadata.name))
      ) {
        return undefined;
      }
      const mapped = mapPath(resource.object, value, path);
      if (!mapped.complete || !wrote(resource, path, rendered, getIn(value, mapped.path))) {
        return undefined;
      }
      return place(patch, document, mapped.path);
    },
  };
}

/** `/spec/containers/0` -> ['spec', 'containers', '0'] (RFC 6901 escapes undone). */
function pointer(text: string): string[] {
  return text
    .split('/')
    .slice(1)
    .map((segment) => segment.replaceAll('~1', '/').replaceAll('~0', '~'));
}

function json6902Writer(patch: Patch, document: PatchDocument): Writer {
  const operations = Array.isArray(document.value) ? (document.value as unknown[]) : [];
  return {
    claim(resource, path, rendered) {
      if (!patch.target || !selects(patch.target, resource)) return undefined;
      for (let index = operations.length - 1; index >= 0; index--) {
        const operation = operations[index];
        if (!isObject(operation) || typeof operation.path !== 'string') continue;
        if (operation.op !== 'add' && operation.op !== 'replace') continue;
        const steps = pointer(operation.path);
        if (steps.length > path.length) continue;
        const covers = steps.every((step, i) =>
          typeof path[i] === 'number' ? step === '-' || step === String(path[i]) : step === path[i],
        );
        if (!covers) continue;
        const inside = path.slice(steps.length);
        if (!wrote(resource, path, rendered, getIn(operation.value, inside))) continue;
        return place(patch, document, [index, 'value', ...inside]);
      }
      return undefined;
    },
  };
}

/** `registry/name:tag@sha256:...` -> its name, tag and digest. */
export function splitImage(image: string): { name: string; tag?: string; digest?: string } {
  const at = image.indexOf('@');
  const digest = at === -1 ? undefined : image.slice(at + 1);
  const named = at === -1 ? image : image.slice(0, at);
  const colon = named.lastIndexOf(':');
  const tagged = colon > named.lastIndexOf('/');
  return {
    name: tagged ? named.slice(0, colon) : named,
    ...(tagged ? { tag: named.slice(colon + 1) } : {}),
    ...(digest ? { digest } : {}),
  };
}

function imagesWriter(kustomization: Kustomization, entries: readonly ImageEntry[]): Writer {
  return {
    claim(_resource, path, rendered) {
      if (path[path.length - 1] !== 'image' || typeof rendered !== 'string') return undefined;
      const image = splitImage(rendered);
      for (let index = entries.length - 1; index >= 0; index--) {
        const entry = entries[index];
        if (entry.newName === undefined && entry.newTag === undefined && !entry.digest) continue;
        if (image.name !== (entry.newName ?? entry.name)) continue;
        if (entry.newTag !== undefined && image.tag !== entry.newTag) continue;
        if (entry.digest !== undefined && image.digest !== entry.digest) continue;
        const { line, endLine } = entry;
        return { file: kustomization.file, line, endLine, source: 'kustomization' };
      }
      return undefined;
    },
  };
}

/** Labels or annotations the kustomization adds, wherever kustomize writes them (`maps`: the
 *  names of the maps that hold them: `labels`, a selector's `matchLabels`, `annotations`). */
function metadataWriter(
  kustomization: Kustomization,
  entries: readonly MetadataEntry[],
  maps: readonly string[],
): Writer {
  return {
    claim(_resource, path, rendered) {
      if (path.length < 2 || !maps.includes(String(path[path.length - 2]))) return undefined;
      const key = String(path[path.length - 1]);
      const entry = entries.findLast((e) => e.key === key);
      if (!entry || entry.value !== rendered) return undefined;
      return { file: kustomization.file, line: entry.line, source: 'kustomization' };
    },
  };
}

function replicasWriter(kustomization: Kustomization): Writer {
  return {
    claim(resource, path, rendered) {
      if (path.length !== 2 || path[0] !== 'spec' || path[1] !== 'replicas') return undefined;
      // The last entry naming the workload is the one kustomize applied.
      const entry = kustomization.replicas.findLast((e) => resource.names.has(e.name));
      if (!entry || entry.count !== rendered) return undefined;
      const { line, endLine } = entry;
      return { file: kustomization.file, line, endLine, source: 'kustomization' };
    },
  };
}

function namespaceWriter(kustomization: Kustomization): Writer {
  return {
    claim(_resource, path, rendered) {
      const { namespace } = kustomization;
      if (!namespace || path.length !== 2 || path[0] !== 'metadata' || path[1] !== 'namespace') {
        return undefined;
      }
      if (rendered !== namespace.value) return undefined;
      return { file: kustomization.file, line: namespace.line, source: 'kustomization' };
    },
  };
}

/** The transformers of one kustomization, in the order kustomize runs them (its
 *  `transformerAnnotations` list them so): patchesStrategicMerge, patches, namespace, labels,
 *  annotations, patchesJson6902, replicas, images. */
export function writersOf(kustomization: Kustomization): Writer[] {
  const patchWriters = (legacy: boolean) =>
    kustomization.patches
      .filter((patch) => (patch.legacyJson6902 ?? false) === legacy)
      .flatMap((patch) =>
        patch.documents.map((document) =>
          patch.type === 'json6902'
            ? json6902Writer(patch, document)
            : strategicMergeWriter(patch, document),
        ),
      );
  const writers = patchWriters(false);
  if (kustomization.namespace) writers.push(namespaceWriter(kustomization));
  if (kustomization.labels.length) {
    writers.push(metadataWriter(kustomization, kustomization.labels, ['labels', 'matchLabels']));
  }
  if (kustomization.annotations.length) {
    writers.push(metadataWriter(kustomization, kustomization.annotations, ['annotations']));
  }
  writers.push(...patchWriters(true));
  if (kustomization.replicas.length) writers.push(replicasWriter(kustomization));
  if (kustomization.images.length) writers.push(imagesWriter(kustomization, kustomization.images));
  return writers;
}

/** The deepest prefix of `path` that the object has. */
function existing(object: unknown, path: Path): Path {
  let node = object;
  for (let i = 0; i < path.length; i++) {
    const next = getIn(node, [path[i]]);
    if (next === undefined) return path.slice(0, i);
    node = next;
  }
  return path;
}

/**
 * Where the field at `path` of the rendered resource was written. `writers` in the order
 * kustomize applied them; `fallback` when neither a writer nor the base document has it (a
 * generated resource: its generator's line).
 */
export function placeField(
  resource: RenderedResource,
  writers: readonly Writer[],
  path: Path,
  fallback: Placement,
): Placement {
  const field = existing(resource.object, path);
  const value = getIn(resource.object, field);
  for (let index = writers.length - 1; index >= 0; index--) {
    const placement = writers[index].claim(resource, field, value);
    if (placement) return placement;
  }
  if (!resource.base) return fallback;
  const { file, document } = resource.base;
  const mapped = mapPath(resource.object, document.value, field);
  const source: SourceKind = 'kustomize-base';
  return { file, source, ...document.positions.locate(mapped.path) };
}
