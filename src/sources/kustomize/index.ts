// The render stage for Kustomize: every root kustomization built with the real kustomize, each
// resource of the build positioned on the base, patch or kustomization line that made it (see
// origin.ts), with `rendered` keeping its line in the build output. A root that needs a remote
// base, or that kustomize fails to build, becomes a failure on the kustomization line (the
// engine reports it as KPG003); the other roots still render.
import { availableParallelism } from 'node:os';
import path from 'node:path';
import pLimit from 'p-limit';
import type { ScanError } from '../../model.js';
import type { K8sResource } from '../resource.js';
import { kustomizeGraph, reachable, type KustomizeGraph } from './graph.js';
import type { Kustomization } from './kustomization.js';
import { BaseDocuments, resourcesOf, type BuildContext } from './output.js';
import type { ToolEnvironment } from '../tools.js';
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
  /** Default: `kustomize` on the tool search path, else `kubectl`. */
  binary?: KustomizeBinary;
  tools?: ToolEnvironment;
  concurrency?: number;
  /** Per build (default 120 s). */
  timeoutMs?: number;
  /** A root whose folders (those of the kustomizations it reaches) pass this is not built: the
   *  caller has its build already (a base scan: head's). */
  unchanged?: (folders: ReadonlySet<string>) => boolean;
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
  /** Files kustomizations name outside the kustomizations' folders (a build refuses them, as
   *  kustomize reads only those folders): a base scan does not reuse such a tree. */
  outsideInputs?: string[];
  /** The roots, in order: built, or not built because `unchanged` said so. */
  roots?: string[];
  built?: string[];
  notBuilt?: string[];
}

/** Roots to render but no kustomize or kubectl: a configuration error (exit 2). */
export class KustomizeUnavailableError extends Error {
  override name = 'KustomizeUnavailableError';
}

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
    outsideInputs: [...graph.inputs].filter(
      (file) => ![...graph.byDir.keys()].some((dir) => dir === '.' || file.startsWith(`${dir}/`)),
    ),
    roots: graph.roots,
    built: [],
    notBuilt: [],
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
    if (remote.length > 0) continue;
    if (options.unchanged?.(reachable(graph, [rootDir]))) rendered.notBuilt!.push(rootDir);
    else buildable.push(rootDir);
  }
  rendered.built = buildable;
  if (buildable.length === 0) return rendered;

  const binary = options.binary ?? (await findKustomize(options.tools));
  if (!binary) {
    throw new KustomizeUnavailableError(
      `kustomizations found (${buildable[0]}) but neither kustomize nor kubectl to render them: ${INSTALL_HINT}`,
    );
  }
  const workspace = await Workspace.create();
  try {
    const dirs = [...reachable(graph, buildable)];
    rendered.errors.push(...(await workspace.prepare(root, dirs)));
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
  // A plugin, exec or container function, or a Helm chart the build refuses: on the key that
  // asks for it.
  const plugin = /--enable-helm|\bhelm\b/i.test(error)
    ? (['helmCharts'] as const)
    : /plugin|function|exec|\bkrm\b/i.test(error)
      ? (['transformers', 'generators', 'validators'] as const)
      : [];
  for (const dir of reachable(graph, [rootDir])) {
    const { file, pluginLines } = graph.byDir.get(dir)!;
    const line = plugin.map((key) => pluginLines?.[key]).find((found) => found !== undefined);
    if (line !== undefined) {
      return {
        file,
        line,
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
