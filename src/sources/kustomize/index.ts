// The render stage for Kustomize: every root kustomization built with the real kustomize, each
// resource of the build positioned on the base, patch or kustomization line that made it (see
// origin.ts), with `rendered` keeping its line in the build output. A root that needs a remote
// base, or that kustomize fails to build, becomes a failure on the kustomization line (the
// engine reports it as KPG003); the other roots still render.
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import pLimit from 'p-limit';
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
import { kustomizeGraph, reachable, type KustomizeGraph } from './graph.js';
import { patchDocuments, type Kustomization, type PatchDocument } from './kustomization.js';
import { placeField, writersOf, type RenderedResource } from './origin.js';
import { findKustomize, Workspace, type KustomizeBinary } from './render.js';

export { mergeAcrossOverlays } from './merge.js';

export interface RenderKustomizationsOptions {
  root: string;
  /** Repository-relative manifests from discovery; kustomization inputs are taken out. */
  manifests: readonly string[];
  /** `kustomize.roots` of the policy (default: every kustomization nothing else refers to). */
  roots?: readonly string[];
  policyFile?: string;
  exclude?: readonly string[];
  /** Default: `kustomize` on PATH, else `kubectl`. */
  binary?: KustomizeBinary;
  concurrency?: number;
  /** Per build (default 120 s). */
  timeoutMs?: number;
}

/** A root that could not be rendered: one finding on the kustomization line. */
export interface KustomizeFailure {
  file: string;
  line: number;
  message: string;
  overlay: string;
}

export interface RenderedKustomizations {
  /** The manifests that are not kustomization inputs: still scanned as plain files. */
  manifests: string[];
  resources: K8sResource[];
  failures: KustomizeFailure[];
  errors: ScanError[];
}

/** Roots to render but no kustomize or kubectl: a configuration error (exit 2). */
export class KustomizeUnavailableError extends Error {
  override name = 'KustomizeUnavailableError';
}

const ORIGIN = 'config.kubernetes.io/origin';
const TRANSFORMATIONS = 'alpha.config.kubernetes.io/transformations';
const DEFAULT_TIMEOUT_MS = 120_000;
const INSTALL_HINT =
  'install kustomize or kubectl (both are on GitHub-hosted runners; https://kubectl.docs.kubernetes.io/installation/kustomize/)';

export async function renderKustomizations(
  options: RenderKustomizationsOptions,
): Promise<RenderedKustomizations> {
  const { root } = options;
  const graph = kustomizeGraph({
    root,
    files: options.manifests,
    roots: options.roots,
    policyFile: options.policyFile,
    exclude: options.exclude,
  });
  const rendered: RenderedKustomizations = {
    manifests: options.manifests.filter((file) => !graph.inputs.has(file)),
    resources: [],
    failures: [],
    errors: [...graph.errors],
  };
  for (const kustomization of graph.byDir.values()) rendered.errors.push(...kustomization.errors);
  const buildable: string[] = [];
  for (const rootDir of graph.roots) {
    const remote = remoteReferences(graph, rootDir);
    for (const { kustomization, value, line, outside } of remote) {
      rendered.failures.push({
        file: kustomization.file,
        line,
        overlay: rootDir,
        message: outside
          ? `'${value}' is outside the repository, which a scan never reads, so the ` +
            'kustomizations using it are not rendered. Keep bases and components inside it.'
          : `remote base '${value}' is not fetched during a scan, so the kustomizations using ` +
            'it are not rendered. Vendor it: copy it into the repository (`kustomize localize` ' +
            'does this), commit the copy and refer to it instead.',
      });
    }
    if (remote.length === 0) buildable.push(rootDir);
  }
  if (buildable.length === 0) return rendered;

  const binary = options.binary ?? (await findKustomize());
  if (!binary) {
    throw new KustomizeUnavailableError(
      `kustomizations found (${buildable[0]}) but neither kustomize nor kubectl to render them: ${INSTALL_HINT}`,
    );
  }
  const workspace = await Workspace.create();
  try {
    const dirs = [...reachable(graph, buildable)];
    rendered.errors.push(...(await workspace.copy(root, dirs)));
    const limit = pLimit(Math.max(1, options.concurrency ?? availableParallelism()));
    const byFile = new Map([...graph.byDir.values()].map((k) => [k.file, k]));
    const bases = new BaseDocuments(root);
    const outcomes = await Promise.all(
      buildable.map((rootDir, index) =>
        limit(async () => {
          const wrapper = await workspace.wrap(index, rootDir);
          const result = await workspace.build(
            binary,
            wrapper,
            options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
          );
          if (!result.ok) return renderFailure(graph, rootDir, result.error);
          const context: BuildContext = { workspace, wrapper, byFile, bases, graph, rootDir };
          return resourcesOf(result.output, context);
        }),
      ),
    );
    for (const outcome of outcomes) {
      if ('message' in outcome) rendered.failures.push(outcome);
      else {
        for (const resource of outcome.resources) rendered.resources.push(resource);
        rendered.errors.push(...outcome.errors);
      }
    }
  } finally {
    await workspace.remove();
  }
  return rendered;
}

function remoteReferences(graph: KustomizeGraph, rootDir: string) {
  const found: { kustomization: Kustomization; value: string; line: number; outside?: boolean }[] =
    [];
  for (const dir of reachable(graph, [rootDir])) {
    const kustomization = graph.byDir.get(dir)!;
    for (const reference of [...kustomization.resources, ...kustomization.components]) {
      if (reference.remote || reference.outside) found.push({ kustomization, ...reference });
    }
  }
  return found;
}

/** kustomize's message, on the entry it names when one of the root's kustomizations has it. */
function renderFailure(graph: KustomizeGraph, rootDir: string, error: string): KustomizeFailure {
  // kubectl before 1.24 embeds a kustomize too old for the build metadata origins come from.
  if (/unknown field "?buildMetadata/.test(error)) {
    error +=
      '; the origins of rendered resources need kustomize v4.5.4 or newer (kubectl 1.24 or newer) on PATH';
  }
  for (const dir of reachable(graph, [rootDir])) {
    const kustomization = graph.byDir.get(dir)!;
    const entries = [
      ...kustomization.resources,
      ...kustomization.components,
      ...kustomization.patches
        .filter((patch) => patch.file !== kustomization.file)
        .map((patch) => ({
          value: path.posix.relative(kustomization.dir, patch.file),
          line: patch.entryLine,
        })),
    ];
    const named = entries.find((entry) => error.includes(`'${entry.value}'`));
    if (named) {
      return {
        file: kustomization.file,
        line: named.line,
        overlay: rootDir,
        message: `kustomize build ${rootDir} failed: ${error}`,
      };
    }
  }
  const file = graph.byDir.get(rootDir)!.file;
  return {
    file,
    line: 1,
    overlay: rootDir,
    message: `kustomize build ${rootDir} failed: ${error}`,
  };
}

interface BuildContext {
  workspace: Workspace;
  wrapper: string;
  byFile: Map<string, Kustomization>;
  bases: BaseDocuments;
  graph: KustomizeGraph;
  rootDir: string;
}

/** Base resource files, each read and indexed once per scan. */
class BaseDocuments {
  private readonly files = new Map<string, PatchDocument[]>();
  constructor(private readonly root: string) {}

  documents(file: string): PatchDocument[] {
    let documents = this.files.get(file);
    if (!documents) {
      let text = '';
      try {
        text = readFileSync(path.join(this.root, file), 'utf8');
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

function resourcesOf(
  output: string,
  context: BuildContext,
): { resources: K8sResource[]; errors: ScanError[] } {
  const { rootDir, workspace, wrapper } = context;
  const rootFile = context.graph.byDir.get(rootDir)!.file;
  const parsed = parseManifests(output, { file: rootFile, source: 'kustomize-base' });
  // Lines of the annotations kustomize added for us: gone from the output the user sees.
  const removed: number[] = [];
  const built: { resource: K8sResource; origin: KustomizeOrigin }[] = [];
  for (const resource of parsed.resources) {
    const metadata = isObject(resource.object.metadata) ? resource.object.metadata : {};
    const annotations = isObject(metadata.annotations) ? metadata.annotations : {};
    const origin = readYaml(annotations[ORIGIN]);
    const transformations = readYaml(annotations[TRANSFORMATIONS]);
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

    // The kustomizations that transformed it, in order, each once.
    const chain: Kustomization[] = [];
    for (const step of Array.isArray(transformations) ? transformations : []) {
      const file =
        isObject(step) && typeof step.configuredIn === 'string'
          ? workspace.repositoryPath(wrapper, step.configuredIn)
          : undefined;
      const kustomization = file === undefined ? undefined : context.byFile.get(file);
      if (kustomization && !chain.includes(kustomization)) chain.push(kustomization);
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
      chain.flatMap(writersOf),
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
