// The render stage for Helm charts: every chart rendered with the real `helm template` for every
// values set, each rendered document parsed into resources whose positions map back to the
// values or template line a human changes. A chart that fails to render is returned as data
// (one failure per chart, place and message, listing its values sets) for the engine to report;
// the other charts are still scanned. Rendering is fenced in (render.ts, chart-copy.ts).
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ScanError } from '../../model.js';
import { findHelm, helmVersion } from '../helm-binary.js';
import type { ToolEnvironment } from '../tools.js';
import { parseManifests } from '../manifests.js';
import { readRegularFile, resolveInside, UnsafeFileError } from '../read-file.js';
import type { K8sResource } from '../resource.js';
import { loadChartInfo, resolveSource, type ChartInfo } from './chart.js';
import { chartToRender, type LeftOut } from './chart-copy.js';
import {
  createRenderWorkspace,
  errorPosition,
  INSTALL_NAMESPACE,
  missingDependencies,
  renderChart,
  renderConcurrency,
  writeSetValues,
  type RenderResult,
  type RenderWorkspace,
} from './render.js';
import {
  DocumentAlignment,
  helmOrigin,
  TemplateFiles,
  valuesCache,
  type RenderScope,
} from './source-map.js';
import { splitRendered } from './split.js';
import {
  setPairs,
  valuesSetsFor,
  type ConfiguredValuesSet,
  type ValuesSet,
} from './values-sets.js';
import { setPairsTree, ValuesFiles, type ValuesNode } from './values-tree.js';

export type { ConfiguredValuesSet, ValuesSet } from './values-sets.js';
export { configuredValuesSets, DEFAULT_KUBERNETES_VERSION } from './values-sets.js';
export { mergeAcrossValuesSets } from './merge.js';

export interface RenderChartsOptions {
  root: string;
  /** Repository-relative chart directories (from discovery). */
  charts: readonly string[];
  /** The helm binary (`--helm`, $HELM_BIN) or where to find it, and what it inherits. */
  tools?: ToolEnvironment;
  /** Values sets from the policy file, added to each matching chart's default and ci/ sets. */
  extraSets?: readonly ConfiguredValuesSet[];
  /** `--kube-version` unless a values set names its own (default: a recent release). */
  kubernetesVersion?: string;
  /** Parallel `helm template` processes (default: one per core, fewer when memory is short). */
  concurrency?: number;
  /** Per render (default 120 s). */
  timeoutMs?: number;
  /** Called with each render's resources as soon as it and every render before it are done, in
   *  the order of `resources` in the result (a scan evaluates them while helm renders the rest). */
  onRendered?: (resources: readonly K8sResource[]) => void;
  /** Called with each successful render's output as helm wrote it: tests that check the YAML
   *  loader on the same text use it instead of rendering every chart a second time. */
  onOutput?: (chart: string, valuesSet: string, output: string) => void;
  /** Called as each helm process starts (a scan loads its other files once helm runs). */
  onRenderStarted?: () => void;
}

/** A chart that could not be rendered: where to fix it, and in which values sets it failed. */
export interface RenderFailure {
  chart: string;
  file: string;
  line: number;
  message: string;
  valuesSets: string[];
}

export interface RenderedCharts {
  resources: K8sResource[];
  /** Charts (and values sets) that failed to render: the engine reports them (KPG002). */
  failures: RenderFailure[];
  /** Chart entries left out of the render (symlinks leaving the repository, FIFOs, ...):
   *  the engine reports them as unreadable (KPG001). */
  leftOut: LeftOut[];
  errors: ScanError[];
}

/** No usable helm while there are charts to render: a configuration error (exit 2). */
export class HelmUnavailableError extends Error {
  override name = 'HelmUnavailableError';
}

const DEFAULT_TIMEOUT_MS = 120_000;
/** Values files are small; a bigger one is refused rather than handed to helm. */
const MAX_VALUES_BYTES = 16 * 1024 * 1024;
/** Shown as the namespace of resources whose namespace is chosen at install time. */
export const RELEASE_NAMESPACE = '{{ .Release.Namespace }}';
const INSTALL_HINT =
  'install helm (https://helm.sh/docs/intro/install/; in GitHub Actions add a step `uses: azure/setup-helm@v4`), or pass --helm PATH / set HELM_BIN';

export async function renderCharts(options: RenderChartsOptions): Promise<RenderedCharts> {
  const rendered: RenderedCharts = { resources: [], failures: [], leftOut: [], errors: [] };
  if (options.charts.length === 0) return rendered;
  // helm's version check runs while the workspace is made and the first chart is copied.
  const helm = usableHelm(options.tools);
  helm.catch(() => undefined); // awaited by renderInto, which throws what it throws
  const workspace = await createRenderWorkspace(options.tools);
  try {
    await renderInto(rendered, helm, workspace, options);
  } finally {
    await workspace.remove();
  }
  return rendered;
}

async function renderInto(
  rendered: RenderedCharts,
  helm: Promise<string>,
  workspace: RenderWorkspace,
  options: RenderChartsOptions,
): Promise<void> {
  const { root } = options;
  const files = new ValuesFiles(root);
  const templates = new TemplateFiles(root);
  const limit = largestFirst(Math.max(1, options.concurrency ?? renderConcurrency()));
  const failures: Failure[] = [];

  const shared: Shared = { templates, files, documents: new Map() };
  // Each chart's renders are queued as soon as that chart is copied: helm starts on the first
  // chart while the others are still being copied.
  const render = (chart: ChartInfo, copy: string, bytes: number, set: ValuesSet) =>
    limit(bytes, async () => {
      const helmPath = await helm;
      const values = await valuesFilesFor(root, workspace, chart, set);
      if ('failure' in values) return values;
      const running = renderChart({
        helm: helmPath,
        workspace,
        chartPath: copy,
        chartName: chart.name,
        valuesSet: set,
        valuesFiles: values.files.map((file) => file.copy),
        kubernetesVersion: options.kubernetesVersion,
        timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      });
      options.onRenderStarted?.();
      const result = await running;
      if (result.ok) options.onOutput?.(chart.dir, set.name, result.output);
      const shown = new Map([[copy, chart.dir]]);
      for (const file of values.files) shown.set(file.copy, file.shown);
      return { result: withoutWorkspace(result, workspace, shown) };
    }).then((outcome) =>
      // After the next render has been started: parsing must not keep a CPU waiting for it.
      afterPendingIo(() =>
        'failure' in outcome
          ? outcome
          : outcome.result.ok
            ? documentsOf(outcome.result.output, chart, set, shared)
            : { failure: renderFailure(chart, set, outcome.result) },
      ),
    );
  const jobsByChart = options.charts.map(async (dir) => {
    const fail = (message: string) => {
      failures.push({ chart: dir, file: `${dir}/Chart.yaml`, line: 1, message, set: '' });
      return [];
    };
    let info: ChartInfo;
    try {
      info = await loadChartInfo(root, dir);
    } catch (error) {
      return fail(`cannot read ${dir}/Chart.yaml: ${(error as Error).message}`);
    }
    let prepared: { copy: string; bytes: number; sets: ValuesSet[] };
    try {
      const copy = await chartToRender(root, dir, workspace.path(dir.split('/').pop() || 'chart'));
      rendered.leftOut.push(...copy.leftOut);
      const sets = await valuesSetsFor(root, dir, options.extraSets);
      prepared = { copy: copy.dir, bytes: copy.bytes, sets };
    } catch (error) {
      return fail(`not rendered: ${(error as Error).message}`);
    }
    return prepared.sets.map((set) => {
      const job = render(info, prepared.copy, prepared.bytes, set);
      job.catch(() => undefined); // awaited below, in job order
      return job;
    });
  });
  // Results are kept in job order (chart by chart, set by set), so the report does not depend
  // on which render finished first.
  try {
    await helm;
  } catch (error) {
    // A helm that cannot be used fails the whole render, once no chart copy is still running.
    await Promise.allSettled(jobsByChart);
    throw error;
  }
  const outcomes: Awaited<ReturnType<typeof render>>[] = [];
  for (const jobs of jobsByChart) {
    for (const job of await jobs) {
      const outcome = await job;
      outcomes.push(outcome);
      if (!('failure' in outcome)) options.onRendered?.(outcome.resources);
    }
  }
  for (const outcome of outcomes) {
    if ('failure' in outcome) {
      failures.push(outcome.failure);
    } else {
      rendered.resources.push(...outcome.resources);
      rendered.errors.push(...outcome.errors);
    }
  }
  rendered.failures = groupFailures(failures);
}

type Failure = { chart: string; file: string; line: number; message: string; set: string };

/** The same failure in several values sets is one, listing the sets (in render order). */
function groupFailures(failures: readonly Failure[]): RenderFailure[] {
  const byKey = new Map<string, RenderFailure>();
  for (const failure of failures) {
    const key = JSON.stringify([failure.chart, failure.file, failure.line, failure.message]);
    const known = byKey.get(key);
    if (!known) {
      const { set, ...rest } = failure;
      byKey.set(key, { ...rest, valuesSets: set ? [set] : [] });
    } else if (failure.set && !known.valuesSets.includes(failure.set)) {
      known.valuesSets.push(failure.set);
    }
  }
  return [...byKey.values()];
}

/**
 * The set's values files, read (bounded, inside the repository, regular files only) and written
 * into the workspace, then its `set` pairs as one more values file. A file that cannot be used
 * is a failure on the policy line that names it, else on the file itself.
 */
async function valuesFilesFor(
  root: string,
  workspace: RenderWorkspace,
  chart: ChartInfo,
  set: ValuesSet,
): Promise<{ files: ValuesFileCopy[] } | { failure: Failure }> {
  const files: ValuesFileCopy[] = [];
  for (const file of set.valuesFiles) {
    let content: Buffer;
    try {
      content = readRegularFile(resolveInside(root, root, file), MAX_VALUES_BYTES);
    } catch (error) {
      if (!(error instanceof UnsafeFileError)) throw error;
      const at = set.declaredAt;
      return {
        failure: {
          chart: chart.dir,
          file: at?.file ?? file,
          line: (at && at.line) ?? 1,
          message: `values file ${file}${at ? ` (${at.key}.values)` : ''} ${error.message}`,
          set: set.name,
        },
      };
    }
    const copy = workspace.path(`values-${files.length}.yaml`);
    await writeFile(copy, content, { flag: 'wx' });
    files.push({ copy, shown: file });
  }
  const setFile = await writeSetValues(workspace, set.set);
  if (setFile) {
    const where = set.declaredAt ? ` (${set.declaredAt.key}.set)` : '';
    files.push({ copy: setFile, shown: `the set values of values set '${set.name}'${where}` });
  }
  return { files };
}

/** A values file as helm reads it (a copy in the workspace) and as the user knows it. */
interface ValuesFileCopy {
  copy: string;
  /** The repository path of a values file; what a values set's `set` pairs are. */
  shown: string;
}

/**
 * Helm names the chart copy and our values files in its messages: show repository paths (and
 * what the `set` pairs are) instead, and never a path of the temporary workspace, however helm
 * spelled it (through a link such as macOS's /var -> /private/var, or as a file:// URL).
 */
export function withoutWorkspace(
  result: RenderResult,
  workspace: Pick<RenderWorkspace, 'dir' | 'realDir'>,
  shown: ReadonlyMap<string, string>,
): RenderResult {
  if (result.ok) return result;
  let error = result.error;
  // The resolved spelling can hold the other (/private/tmp/x holds /tmp/x): longest first.
  const dirs = [...new Set([workspace.realDir, workspace.dir])].sort((a, b) => b.length - a.length);
  // A chart rendered where it is (not copied) is named by the path helm was given.
  const named = [...shown]
    .flatMap(([copy, name]) =>
      copy.startsWith(workspace.dir + path.sep)
        ? dirs.map((dir) => [dir + copy.slice(workspace.dir.length), name] as const)
        : [[copy, name] as const],
    )
    .sort(([a], [b]) => b.length - a.length);
  for (const [copy, name] of named) error = error.split(copy).join(name);
  for (const dir of dirs) {
    error = error.split(`${dir}/work/`).join('').split(dir).join('<helm workspace>');
  }
  return { ok: false, error };
}

/**
 * At most `concurrency` tasks at once; of those waiting, the one of the largest chart starts
 * first (then in the order queued). A large chart's renders take several times a small one's:
 * queued last (its copy finishes last), they ran alone at the end while a CPU stood idle.
 */
export function largestFirst(concurrency: number) {
  const waiting: Array<{ size: number; order: number; start: () => void }> = [];
  let running = 0;
  let queued = 0;
  const next = () => {
    if (running >= concurrency || waiting.length === 0) return;
    let pick = 0;
    for (let i = 1; i < waiting.length; i++) {
      const [a, b] = [waiting[i], waiting[pick]];
      if (a.size > b.size || (a.size === b.size && a.order < b.order)) pick = i;
    }
    running++;
    waiting.splice(pick, 1)[0].start();
  };
  return <T>(size: number, task: () => Promise<T>): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const start = () =>
        task()
          .then(resolve, reject)
          .finally(() => {
            running--;
            next();
          });
      waiting.push({ size, order: queued++, start });
      next();
    });
}

function afterPendingIo<T>(work: () => T): Promise<T> {
  return new Promise((resolve, reject) =>
    setImmediate(() => {
      try {
        resolve(work());
      } catch (error) {
        reject(error as Error);
      }
    }),
  );
}

async function usableHelm(tools: ToolEnvironment = {}): Promise<string> {
  const helm = await findHelm(tools);
  if (!helm)
    throw new HelmUnavailableError(`charts found but no helm to render them: ${INSTALL_HINT}`);
  try {
    await helmVersion(helm, tools);
  } catch (error) {
    throw new HelmUnavailableError(`${(error as Error).message}; ${INSTALL_HINT}`);
  }
  return helm;
}

interface Shared {
  templates: TemplateFiles;
  files: ValuesFiles;
  /** Parsed documents by template and text: values sets often render a document identically. */
  documents: Map<string, ParsedDocument>;
}

interface ParsedDocument {
  resources: K8sResource[];
  errors: ScanError[];
  alignment: DocumentAlignment;
}

function documentsOf(
  output: string,
  chart: ChartInfo,
  set: ValuesSet,
  shared: Shared,
): { resources: K8sResource[]; errors: ScanError[] } {
  let layers: ValuesNode[] | undefined;
  const scope: RenderScope = {
    chart,
    valuesSet: set.name,
    templates: shared.templates,
    valuesFor: valuesCache(
      shared.files,
      () =>
        (layers ??= [
          ...set.valuesFiles.map((file) => shared.files.read(file)),
          setPairsTree(setPairs(set.set)),
        ]),
    ),
  };
  const resources: K8sResource[] = [];
  const errors: ScanError[] = [];
  for (const document of splitRendered(output)) {
    const template = document.source
      ? resolveSource(chart, document.source)
      : { chain: [chart], file: `${chart.dir}/Chart.yaml`, onDisk: false };
    const text = document.lines.join('\n');
    const key = `${chart.dir}\0${template.file}\0${text}`;
    let parsed = shared.documents.get(key);
    if (!parsed) {
      parsed = {
        ...parseManifests(text, { file: template.file, source: 'helm-template' }),
        alignment: new DocumentAlignment(shared.templates, chart, template, document.lines),
      };
      shared.documents.set(key, parsed);
    }
    // Workloads are where findings are: their values are merged now, while helm still renders.
    if (parsed.resources.some((resource) => resource.pod)) scope.valuesFor(template.chain);
    for (const base of parsed.resources) {
      // Rules only read resources, so sets share the parsed object; each has its own origin.
      const origin = helmOrigin(scope, parsed.alignment, base.origin, base.object);
      resources.push({ ...base, ref: releaseNamespace(base.ref, set.namespace), origin });
    }
    for (const error of parsed.errors) {
      errors.push({ ...error, message: `rendered with ${set.name}: ${error.message}` });
    }
  }
  return { resources, errors };
}

/**
 * A chart's namespaced resources land where `helm install -n` puts them: those written with
 * `{{ .Release.Namespace }}` and those without a namespace. With a configured namespace that is
 * it (`default` included); without one it is chosen at install time, not `default` (KSV110,
 * KPG203 must not count them there). A literal `namespace: default` is default.
 */
function releaseNamespace(ref: K8sResource['ref'], configured?: string): K8sResource['ref'] {
  const release = configured ?? RELEASE_NAMESPACE;
  if (ref.namespace === INSTALL_NAMESPACE) return { ...ref, namespace: release };
  if (ref.namespace === undefined && !CLUSTER_SCOPED.has(ref.kind)) {
    return { ...ref, namespace: release };
  }
  return ref;
}

/** Built-in kinds that have no namespace. */
const CLUSTER_SCOPED = new Set([
  'APIService',
  'CertificateSigningRequest',
  'ClusterRole',
  'ClusterRoleBinding',
  'ComponentStatus',
  'CSIDriver',
  'CSINode',
  'CustomResourceDefinition',
  'FlowSchema',
  'IngressClass',
  'MutatingAdmissionPolicy',
  'MutatingAdmissionPolicyBinding',
  'MutatingWebhookConfiguration',
  'Namespace',
  'Node',
  'PersistentVolume',
  'PodSecurityPolicy',
  'PriorityClass',
  'PriorityLevelConfiguration',
  'RuntimeClass',
  'StorageClass',
  'ValidatingAdmissionPolicy',
  'ValidatingAdmissionPolicyBinding',
  'ValidatingWebhookConfiguration',
  'VolumeAttachment',
]);

/** One failure, on the template line helm's error names (else on Chart.yaml). */
function renderFailure(
  chart: ChartInfo,
  set: ValuesSet,
  result: Extract<RenderResult, { ok: false }>,
): Failure {
  let file = `${chart.dir}/Chart.yaml`;
  let line = 1;
  let message = `helm template failed: ${result.error}`;
  const missing = missingDependencies(result.error);
  const position = errorPosition(result.error);
  // withoutWorkspace has named the values file as the repository has it.
  const valuesFile = set.valuesFiles.find((file) =>
    result.error.startsWith(`failed to parse ${file}: `),
  );
  if (valuesFile) {
    file = valuesFile;
    line = Number(/\byaml: line (\d+):/.exec(result.error)?.[1] ?? 1);
  } else if (missing.length) {
    message =
      `chart dependencies missing from ${chart.dir}/charts/: ${missing.join(', ')}. ` +
      `Vendor them: run \`helm dependency build ${chart.dir}\` and commit ${chart.dir}/charts/ ` +
      '(or run it in a workflow step before the scan); dependencies are never fetched during a scan.';
    line = chart.dependencies.find((dep) => dep.name === missing[0])?.line ?? 1;
  } else if (position) {
    const template = resolveSource(chart, position.source);
    file = template.file;
    line = template.onDisk ? (position.line ?? 1) : 1;
  }
  return { chart: chart.dir, file, line, message, set: set.name };
}
