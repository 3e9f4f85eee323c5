// A root's build output turned into resources: the annotations kustomize added for us (where
// each resource came from, which kustomizations transformed it) read and removed, so rules and
// reports see the output exactly as `kustomize build` prints it, and each resource given an
// origin that places its fields on the base, patch or kustomization line (origin.ts).
import { parse } from 'yaml';
import type { ScanError } from '../../model.js';
import { parseManifests } from '../manifests.js';
import {
  isObject,
  type K8sResource,
  type Location,
  type Path,
  type ResourceOrigin,
} from '../resource.js';
import type { KustomizeGraph } from './graph.js';
import { patchDocuments, type Kustomization, type PatchDocument } from './kustomization.js';
import { placeField, writersOf, type RenderedResource } from './origin.js';
import type { Workspace } from './render.js';
import { readRepositoryText } from '../read-file.js';

const ORIGIN = 'config.kubernetes.io/origin';
const TRANSFORMATIONS = 'alpha.config.kubernetes.io/transformations';

export interface BuildContext {
  workspace: Workspace;
  wrapper: string;
  byFile: Map<string, Kustomization>;
  bases: BaseDocuments;
  graph: KustomizeGraph;
  rootDir: string;
}

/** Base resource files, each read and indexed once per scan. */
export class BaseDocuments {
  private readonly files = new Map<string, PatchDocument[]>();
  constructor(private readonly root: string) {}

  documents(file: string): PatchDocument[] {
    let documents = this.files.get(file);
    if (!documents) {
      let text = '';
      try {
        text = readRepositoryText(this.root, this.root, file);
      } catch {
        // Only positions are lost: the finding falls back to the kustomization.
      }
      documents = patchDocuments(text, 0);
      this.files.set(file, documents);
    }
    return documents;
  }

  /** The document of `file` a rendered resource started as: same kind, its name inside the
   *  rendered one (prefixes and suffixes are added around it), the longest such name. */
  find(
    file: string,
    object: Record<string, unknown>,
  ): { name: string; document: PatchDocument } | undefined {
    const renderedName = nameOf(object);
    let best: { name: string; document: PatchDocument } | undefined;
    for (const document of this.documents(file)) {
      const value = document.value;
      if (!isObject(value) || value.kind !== object.kind) continue;
      const name = nameOf(value);
      if (!renderedName.includes(name)) continue;
      if (!best || name.length > best.name.length) best = { name, document };
    }
    return best;
  }
}

function nameOf(object: Record<string, unknown>): string {
  return isObject(object.metadata) && typeof object.metadata.name === 'string'
    ? object.metadata.name
    : '';
}

export function resourcesOf(
  output: string,
  context: BuildContext,
): { resources: K8sResource[]; errors: ScanError[] } {
  const { rootDir, workspace, wrapper } = context;
  const rootFile = context.graph.byDir.get(rootDir)!.file;
  const parsed = parseManifests(output, { file: rootFile, source: 'kustomize-base' });
  // Lines of the annotations kustomize added for us: gone from the output the user sees.
  const removed: number[] = [];
  const built: { resource: K8sResource; origin: KustomizeOrigin }[] = [];
  // Resources transformed by the same kustomizations share the text and the writers.
  const writersByChain = new Map<unknown, ReturnType<typeof writersOf>>();
  const writersFor = (text: unknown) => {
    let writers = writersByChain.get(text);
    if (!writers) {
      writers = transformedBy(readYaml(text), context).flatMap(writersOf);
      writersByChain.set(text, writers);
    }
    return writers;
  };
  for (const resource of parsed.resources) {
    const metadata = isObject(resource.object.metadata) ? resource.object.metadata : {};
    const annotations = isObject(metadata.annotations) ? metadata.annotations : {};
    const origin = readYaml(annotations[ORIGIN]);
    const writers = writersFor(annotations[TRANSFORMATIONS]);
    for (const key of [ORIGIN, TRANSFORMATIONS]) {
      if (!Object.hasOwn(annotations, key)) continue;
      const span = resource.origin.locate(['metadata', 'annotations', key]);
      for (let line = span.line; line <= (span.endLine ?? span.line); line++) removed.push(line);
      delete annotations[key];
    }
    if (isObject(metadata.annotations) && Object.keys(annotations).length === 0) {
      removed.push(resource.origin.locate(['metadata', 'annotations']).line);
      delete metadata.annotations;
    }

    const names = new Set([nameOf(resource.object)]);
    let base: RenderedResource['base'];
    let generatedBy: Kustomization | undefined;
    if (isObject(origin) && typeof origin.path === 'string') {
      const file = workspace.repositoryPath(wrapper, origin.path);
      const found = file === undefined ? undefined : context.bases.find(file, resource.object);
      if (file !== undefined && found) {
        base = { file, document: found.document };
        names.add(found.name);
      }
    } else if (isObject(origin) && typeof origin.configuredIn === 'string') {
      const file = workspace.repositoryPath(wrapper, origin.configuredIn);
      generatedBy = file === undefined ? undefined : context.byFile.get(file);
    }
    const rendered: RenderedResource = {
      object: resource.object,
      names,
      ...(base ? { base } : {}),
    };
    const at = generatedBy ?? context.graph.byDir.get(rootDir)!;
    const fallback = {
      file: at.file,
      line: generatedBy?.generatorLine ?? 1,
      source: 'kustomization' as const,
    };
    const kustomizeOrigin = new KustomizeOrigin(
      rootFile,
      rootDir,
      resource.origin,
      rendered,
      writers,
      fallback,
    );
    built.push({ resource, origin: kustomizeOrigin });
  }
  const lineMap = new RenderedLines(removed);
  const resources = built.map(({ resource, origin }) => {
    origin.lines = lineMap;
    return { ...resource, origin };
  });
  const errors = parsed.errors.map((error) => ({
    ...error,
    message: `kustomize build ${rootDir}: ${error.message}`,
  }));
  return { resources, errors };
}

/** The kustomizations that transformed a resource, in order, each once. */
function transformedBy(transformations: unknown, context: BuildContext): Kustomization[] {
  const chain: Kustomization[] = [];
  for (const step of Array.isArray(transformations) ? transformations : []) {
    const file =
      isObject(step) && typeof step.configuredIn === 'string'
        ? context.workspace.repositoryPath(context.wrapper, step.configuredIn)
        : undefined;
    const kustomization = file === undefined ? undefined : context.byFile.get(file);
    if (kustomization && !chain.includes(kustomization)) chain.push(kustomization);
  }
  return chain;
}

function readYaml(value: unknown): unknown {
  if (typeof value !== 'string') return undefined;
  try {
    return parse(value) as unknown;
  } catch {
    return undefined;
  }
}

/** Lines of the annotated output -> lines of the output without the annotations. */
class RenderedLines {
  private readonly removed: Int32Array;
  constructor(lines: number[]) {
    this.removed = Int32Array.from(new Set(lines)).sort();
  }

  map(line: number): number {
    let low = 0;
    let high = this.removed.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.removed[mid] < line) low = mid + 1;
      else high = mid;
    }
    return line - low;
  }
}

class KustomizeOrigin implements ResourceOrigin {
  readonly source = 'kustomize-base' as const;
  lines?: RenderedLines;

  constructor(
    readonly file: string,
    readonly overlay: string,
    private readonly output: ResourceOrigin,
    private readonly resource: RenderedResource,
    private readonly writers: ReturnType<typeof writersOf>,
    private readonly fallback: Parameters<typeof placeField>[3],
  ) {}

  locate(path: Path): Location {
    const span = this.output.locate(path);
    const placement = placeField(this.resource, this.writers, path, this.fallback);
    const line = this.lines ? this.lines.map(span.line) : span.line;
    return { ...placement, rendered: { file: this.file, line } };
  }
}
