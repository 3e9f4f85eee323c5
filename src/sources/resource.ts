// A Kubernetes object read from a manifest or rendered chart, with its pod template (if it
// runs containers) located once so that rules only look, never search.
import type { ResourceRef, SourceKind } from '../model.js';

export type Path = readonly (string | number)[];
export type KubeObject = Record<string, unknown>;

export interface Span {
  line: number;
  endLine?: number;
}

/** A span, possibly redirected elsewhere: Helm maps rendered positions to a values or template line. */
export interface Location extends Span {
  file?: string;
  source?: SourceKind;
  rendered?: { file: string; line: number };
}

/** The characters [start, end) of a string field's value a finding is about (the registry or
 *  the tag of an image): where a source composed the value from pieces (a Helm template writing
 *  `{{ .repository }}:{{ .tag }}`), the piece that supplied them is the place to change. */
export interface ValuePart {
  start: number;
  end: number;
}

/** Where a resource came from, and how to turn a path inside it into a position. */
export interface ResourceOrigin {
  /** Repository-relative file the document was read from (for Helm: the template). */
  file: string;
  source: SourceKind;
  /** Position of a path inside the resource (the nearest existing node), in `file` unless the
   *  location names another. `part`: which characters of the value at `path` matter. */
  locate(path: Path, part?: ValuePart): Location;
  /** Where the key at `path` is written, when that can differ from where its value came from
   *  (Helm: the template line, never the values line that supplied the value). */
  locateKey?(path: Path): Location;
  chart?: string;
  valuesSet?: string;
  /** The kustomization root whose build holds the resource. */
  overlay?: string;
}

export type ContainerType = 'containers' | 'initContainers' | 'ephemeralContainers';

export interface ContainerEntry {
  container: KubeObject;
  name: string;
  type: ContainerType;
  /** Path of this entry inside the resource object. */
  path: Path;
}

export interface PodTemplate {
  metadata: KubeObject;
  metadataPath: Path;
  spec: KubeObject;
  specPath: Path;
  /** init, regular and ephemeral containers, in that order. */
  containers: ContainerEntry[];
}

export interface K8sResource {
  ref: ResourceRef;
  object: KubeObject;
  /** Set when the resource runs containers (Pod, Deployment, CronJob, PodTemplate, ...). */
  pod?: PodTemplate;
  origin: ResourceOrigin;
  /** Keys written more than once in one mapping of the resource (the last one is in effect):
   *  kubectl's strict decoding rejects them (rule KPG004). */
  duplicateKeys?: readonly DuplicateKeyInfo[];
}

export interface DuplicateKeyInfo {
  /** Path of the key in the resource; `locate` gives its effective (last) occurrence. */
  path: Path;
  /** Lines of every occurrence in the document that was parsed, the effective one last. */
  lines: number[];
  /** An explicit key that a later `<<` merge overwrote. */
  overwrittenByMerge?: boolean;
}

/** Where each workload kind keeps its pod template (metadata + spec). */
const POD_TEMPLATE_PATHS: Record<string, Path> = {
  Pod: [],
  PodTemplate: ['template'],
  Deployment: ['spec', 'template'],
  StatefulSet: ['spec', 'template'],
  DaemonSet: ['spec', 'template'],
  ReplicaSet: ['spec', 'template'],
  ReplicationController: ['spec', 'template'],
  Job: ['spec', 'template'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template'],
};

/** Per kind, the paths of its pod template's metadata and spec, and of its containers (by
 *  type and index, as met): one copy shared by every resource of the kind (a scan holds
 *  thousands, each with a few containers). */
const TEMPLATE_PARTS = new Map(
  Object.entries(POD_TEMPLATE_PATHS).map(([kind, path]) => [
    kind,
    {
      path,
      metadataPath: [...path, 'metadata'] as Path,
      specPath: [...path, 'spec'] as Path,
      containerPaths: new Map<ContainerType, Path[]>(),
    },
  ]),
);

/** Container paths kept per kind and type: far more containers than any pod has. */
const SHARED_CONTAINER_PATHS = 64;

const CONTAINER_TYPES: readonly ContainerType[] = [
  'initContainers',
  'containers',
  'ephemeralContainers',
];

export function isObject(value: unknown): value is KubeObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function getIn(value: unknown, path: Path): unknown {
  let node = value;
  for (const key of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string | number, unknown>)[key];
  }
  return node;
}

export function podTemplateOf(object: KubeObject): PodTemplate | undefined {
  const kind = typeof object.kind === 'string' ? object.kind : '';
  const parts = TEMPLATE_PARTS.get(kind);
  if (!parts) return undefined;
  const template = getIn(object, parts.path);
  if (!isObject(template)) return undefined;
  const spec = template.spec;
  if (!isObject(spec)) return undefined;
  const { metadataPath, specPath, containerPaths } = parts;
  const containers: ContainerEntry[] = [];
  for (const type of CONTAINER_TYPES) {
    const list = spec[type];
    if (!Array.isArray(list)) continue;
    let paths = containerPaths.get(type);
    if (!paths) containerPaths.set(type, (paths = []));
    list.forEach((container, index) => {
      if (!isObject(container)) return;
      const name = typeof container.name === 'string' ? container.name : `${type}[${index}]`;
      // concat: an array of exactly this length (a spread leaves room to grow). Shared up to
      // a bound, so that a hostile list of 100,000 containers leaves nothing behind.
      const path =
        index < SHARED_CONTAINER_PATHS
          ? (paths[index] ??= specPath.concat(type, index))
          : specPath.concat(type, index);
      containers.push({ container, name, type, path });
    });
  }
  return {
    metadata: isObject(template.metadata) ? template.metadata : {},
    metadataPath,
    spec,
    specPath,
    containers,
  };
}

/** Identity of a resource: the fields every report and fingerprint uses. */
export function resourceRef(object: KubeObject): ResourceRef {
  const metadata = isObject(object.metadata) ? object.metadata : {};
  const ref: ResourceRef = {
    apiVersion: typeof object.apiVersion === 'string' ? object.apiVersion : '',
    kind: typeof object.kind === 'string' ? object.kind : '',
    name: typeof metadata.name === 'string' ? metadata.name : '',
  };
  if (typeof metadata.namespace === 'string') ref.namespace = metadata.namespace;
  return ref;
}

export function toResource(object: KubeObject, origin: ResourceOrigin): K8sResource {
  return { ref: resourceRef(object), object, pod: podTemplateOf(object), origin };
}

/**
 * Frees what a resource holds of its document once nothing will read it any more (every rule's
 * `check` has run, and what runs afterwards reads only identities): the object keeps its
 * apiVersion, kind, name, namespace and the annotations named in `keepAnnotations`, the pod
 * template its paths and no containers. Its ref, origin (positions) and duplicate keys stay, so
 * findings can still be placed on it.
 */
export function releaseObject(resource: K8sResource, keepAnnotations: readonly string[]): void {
  const { object, pod } = resource;
  const metadata = isObject(object.metadata) ? object.metadata : {};
  const kept: KubeObject = {};
  for (const field of ['name', 'namespace']) {
    if (metadata[field] !== undefined) kept[field] = metadata[field];
  }
  const annotations = isObject(metadata.annotations) ? metadata.annotations : undefined;
  if (annotations && keepAnnotations.some((key) => annotations[key] !== undefined)) {
    kept.annotations = Object.fromEntries(
      keepAnnotations
        .filter((key) => annotations[key] !== undefined)
        .map((key) => [key, annotations[key]]),
    );
  }
  resource.object = { apiVersion: object.apiVersion, kind: object.kind, metadata: kept };
  if (pod) {
    let freed = FREED_TEMPLATES.get(pod.specPath);
    if (!freed) {
      const { metadataPath, specPath } = pod;
      freed = Object.freeze({
        metadata: Object.freeze({}),
        metadataPath,
        spec: Object.freeze({}),
        specPath,
        containers: Object.freeze([]) as unknown as ContainerEntry[],
      });
      FREED_TEMPLATES.set(specPath, freed);
    }
    resource.pod = freed;
  }
}

/** The freed pod template of each kind (by its shared spec path): one for all its resources. */
const FREED_TEMPLATES = new WeakMap<Path, PodTemplate>();
