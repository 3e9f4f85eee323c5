// The pipeline (docs/ARCHITECTURE.md): discover -> load -> evaluate -> suppress -> classify ->
// gate. Each stage is a plain function of the previous stage's data; only src/cli.ts and
// src/main.ts touch the environment (inputs, GitHub API, process exit).
import { checksKubernetes, type Policy } from './config/policy.js';
import { checkoutBase, classify } from './diff/baseline.js';
import { loadChangedBase, reuseHead, type LoadedInputs } from './diff/reuse.js';
import type { Finding, ScanError } from './model.js';
import {
  admissionReadsObjects,
  evaluateAdmission,
  MAY_READ_OBJECTS,
} from './rules/admission/index.js';
import { duplicateKeyFindings } from './rules/duplicate-keys.js';
import { chartRenderFailed, kustomizeRenderFailed, unreadableFile } from './rules/engine-rules.js';
import {
  evaluateDockerfiles,
  evaluateWhileWaiting,
  fileFinding,
  ResourceEvaluation,
  type BegunEvaluation,
} from './rules/evaluate.js';
import { discover, requireExistingPaths, type Discovered } from './sources/discover.js';
import {
  configuredValuesSets,
  mergeAcrossValuesSets,
  renderCharts,
  type RenderFailure,
} from './sources/helm/index.js';
import { mergeAcrossOverlays, renderKustomizations } from './sources/kustomize/index.js';
import { anyFileMatches, loadDockerfiles, loadManifestFiles } from './sources/load.js';
import { mergeClusterResources, readCluster, type ClusterOptions } from './sources/cluster.js';
import { releaseObject, type K8sResource } from './sources/resource.js';
import type { ToolEnvironment } from './sources/tools.js';
import {
  annotationExceptions,
  IGNORE_ANNOTATION,
  REASON_ANNOTATION,
} from './suppress/annotations.js';
import { hadolintExceptions } from './suppress/hadolint.js';
import { suppressFindings } from './suppress/suppress.js';
import { gate, sortFindings, type Checked, type ScanResult } from './gate.js';

export type { ScanResult, Summary } from './gate.js';

export interface ScanOptions {
  /** Repository root: every reported path is relative to it. */
  root: string;
  /** Paths to scan, relative to the root (default: the policy's paths, else the root). */
  paths: readonly string[];
  policy: Policy;
  /** A git ref to compare with: head findings are then `new` or `existing`. */
  base?: string;
  /** With a base: fail on new findings only (`new`) or on all (`all`, the default). */
  gate?: 'new' | 'all';
  /** The clock for exception expiry (tests pin it). */
  now?: Date;
  /** helm, kustomize and kubectl: the entry point's `--helm`/$HELM_BIN and PATH (default: none). */
  tools?: ToolEnvironment;
  /** `--cluster` / the `kubeconfig` input: the live cluster's admission configuration applies too. */
  cluster?: ClusterOptions;
}

/** A scan's options with what it read once for both trees: the live cluster's admission state. */
type Run = ScanOptions & { clusterState: Awaited<ReturnType<typeof readCluster>> };

export async function scan(options: ScanOptions): Promise<ScanResult> {
  // A path that does not exist is a usage error (in the base commit it may not exist yet).
  const { root, paths, policy } = options;
  await requireExistingPaths(root, paths.length ? paths : policy.paths);
  // The base's changed paths load alongside head's check; the rest of the base is head's.
  // The live cluster (read only) is the same for head and base: read once.
  const cluster = options.cluster
    ? await readCluster(options.cluster)
    : { resources: [], errors: [] };
  const run = { ...options, clusterState: cluster };
  const baseLoading = options.base ? loadBase(run, options.base) : undefined;
  const head = await check(run);
  if (!options.base || !baseLoading) return gate(head, options.policy, 'all');

  const base = await checkBase(run, options.base, baseLoading, head.loaded);
  if ('error' in base) {
    const error = {
      file: '.',
      message: `${base.error}; gating on all findings`,
      level: 'warning' as const,
    };
    return gate({ ...head, errors: [...head.errors, error] }, options.policy, 'all');
  }
  const { findings, fixed } = classify(head.findings, base.findings, head.suppressed);
  return gate({ ...head, findings, fixed }, options.policy, options.gate ?? 'all');
}

/** discover -> load -> evaluate -> suppress, for one tree; with what it loaded, for reuse. */
async function check(options: Run): Promise<Checked & { loaded: LoadedInputs }> {
  const { root, paths, policy } = options;
  const inputs = await discover(root, paths.length ? paths : policy.paths, policy.exclude);
  const loaded = await load(options, root, inputs, true);
  return { ...evaluate(options, loaded), loaded };
}

/** What head's check evaluated while helm rendered: each chart's output as it came, the plain
 *  files once loaded. Parts of the resources, in their order in evaluate(): */
const begun = new WeakMap<LoadedInputs, BegunEvaluation>();
const [PLAIN, RENDERED, KUSTOMIZED] = [0, 1, 2];

async function load(
  options: Run,
  root: string,
  inputs: Discovered,
  evaluateEarly = false,
  /** Kustomize roots whose folders pass are not built (a base scan reuses head's builds). */
  kustomizeUnchanged?: (folders: ReadonlySet<string>) => boolean,
): Promise<LoadedInputs> {
  const { policy } = options;
  // Only what is checked needs its tool: no Kubernetes rule, no helm and no kustomize.
  const kubernetes = checksKubernetes(policy);
  // helm first: its renders run while kustomize builds and the plain files load and parse.
  const evaluation = evaluateEarly ? new ResourceEvaluation(policy) : undefined;
  let helmRuns!: () => void;
  const helmRunning = new Promise<void>((resolve) => (helmRuns = resolve));
  const rendering = renderCharts({
    root,
    charts: kubernetes ? inputs.charts : [],
    tools: options.tools,
    extraSets: configuredValuesSets(policy.charts, policy.file),
    kubernetesVersion: policy.kubernetesVersion,
    onRendered: evaluation && ((resources) => evaluation.add(resources, RENDERED)),
    onRenderStarted: helmRuns,
  });
  rendering.catch(() => undefined); // awaited below, even when a stage before that throws
  const kustomize = kubernetes
    ? await renderKustomizations({
        root,
        manifests: inputs.manifests,
        roots: policy.kustomize?.roots,
        policyFile: policy.file,
        exclude: policy.exclude,
        tools: options.tools,
        unchanged: kustomizeUnchanged,
      })
    : { manifests: inputs.manifests, resources: [], failures: [], errors: [] };
  // The plain files once helm runs: until then, copying the charts is what helm waits for.
  await Promise.race([helmRunning, rendering.catch(() => undefined)]);
  // Plain files evaluated as each is parsed and their objects freed, when nothing after reads them.
  const freeing =
    evaluation &&
    mayFreeObjects(options, evaluation, kustomize.resources) &&
    !(await anyFileMatches({ root, ...inputs }, kustomize.manifests, MAY_READ_OBJECTS))
      ? freeChecked(evaluation)
      : undefined;
  const [manifests, dockerfiles] = await Promise.all([
    loadManifestFiles({ root, ...inputs }, kustomize.manifests, freeing),
    loadDockerfiles({ root, ...inputs }, inputs.dockerfiles),
  ]);
  const plain = freeing ? [] : manifests.items;
  const early =
    evaluation && (await evaluateWhileWaiting(evaluation, plain, PLAIN, dockerfiles.items, policy));
  const charts = await rendering;
  // A policy binding or Pod Security label in the files or charts reads every object: reread them.
  const all = () => [...manifests.items, ...charts.resources, ...kustomize.resources];
  if (freeing && admissionReadsObjects(all(), policy)) {
    manifests.items = (await loadManifestFiles({ root, ...inputs }, kustomize.manifests)).items;
  }
  const loaded = { inputs, kustomize, manifests, charts, dockerfiles };
  if (early) begun.set(loaded, early);
  return loaded;
}

/** Whether the objects of checked resources can be freed: what runs after the rules' `check`
 *  reads only identities and positions (no custom rule's CEL, no admission policy or Pod Security
 *  label known so far), and no base scan reuses them. Memory: docs/performance.md. */
function mayFreeObjects(options: Run, evaluation: ResourceEvaluation, known: K8sResource[]) {
  const { base, policy, clusterState } = options;
  if (base || evaluation.readsObjectsAtTheEnd) return false;
  return !admissionReadsObjects(known, policy, clusterState.resources);
}

/** Each file's resources checked as parsed, then all but what identifies them freed. */
function freeChecked(evaluation: ResourceEvaluation) {
  return (resources: readonly K8sResource[]) => {
    evaluation.add(resources, PLAIN);
    for (const resource of resources) {
      // Namespaces stay whole: admission reads their labels.
      if (resource.ref.kind !== 'Namespace')
        releaseObject(resource, [IGNORE_ANNOTATION, REASON_ANNOTATION]);
    }
  };
}

function evaluate(options: Run, loaded: LoadedInputs): Checked {
  const { policy, now = new Date(), clusterState: cluster } = options;
  const { inputs, kustomize, manifests, charts, dockerfiles } = loaded;
  const resources = [...manifests.items, ...charts.resources, ...kustomize.resources];
  // Begun while helm rendered, or now.
  const early = begun.get(loaded) ?? {
    resources: new ResourceEvaluation(policy),
    dockerfiles: evaluateDockerfiles(dockerfiles.items, policy),
  };
  if (!begun.delete(loaded)) {
    early.resources.add(manifests.items, PLAIN);
    early.resources.add(charts.resources, RENDERED);
  }
  early.resources.add(kustomize.resources, KUSTOMIZED);
  const unreadable = [...inputs.unreadable, ...manifests.errors, ...dockerfiles.errors];
  const admission = evaluateAdmission(
    resources,
    policy,
    mergeClusterResources(resources, cluster.resources),
  );
  const findings = sortFindings([
    ...inputs.unreadable.map((e) => unreadableFinding(e, 'manifest')),
    ...manifests.errors.map((e) => unreadableFinding(e, 'manifest')),
    ...dockerfiles.errors.map((e) => unreadableFinding(e, 'dockerfile')),
    ...charts.leftOut.map((e) => unreadableFinding(e, 'helm-template')),
    ...charts.failures.map(renderFailureFinding),
    ...mergeAcrossOverlays([
      ...kustomize.failures.map((f) =>
        fileFinding(kustomizeRenderFailed, f.file, f.line, f.message, 'kustomization', {
          overlay: f.overlay,
        }),
      ),
      ...mergeAcrossValuesSets([
        ...admission.merge(early.resources.findings(resources)),
        ...duplicateKeyFindings(resources),
      ]),
    ]),
    ...early.dockerfiles,
  ]);

  const annotations = annotationExceptions(resources, policy.requireReason);
  const pragmas = hadolintExceptions(dockerfiles.items, policy.hadolint);
  const exceptions = [...policy.exceptions, ...annotations.exceptions, ...pragmas];
  const accepted = suppressFindings(findings, exceptions, now);
  const errors = [
    ...inputs.errors,
    ...unreadable,
    ...manifests.warnings,
    ...charts.errors,
    ...kustomize.errors,
    ...cluster.errors,
    ...admission.warnings,
    ...annotations.warnings,
    ...accepted.warnings,
  ];
  return { findings: accepted.findings, suppressed: accepted.suppressed, errors };
}

/** A file that could not be read fails closed: KPG001. */
function unreadableFinding(
  error: Pick<ScanError, 'file' | 'line' | 'message'>,
  source: 'manifest' | 'dockerfile' | 'helm-template',
): Finding {
  return fileFinding(unreadableFile, error.file, error.line ?? 1, error.message, source);
}

/** A chart that does not render fails closed: one KPG002 for all the values sets it fails in. */
function renderFailureFinding({ chart, file, line, message, valuesSets }: RenderFailure): Finding {
  const sets = valuesSets.length > 1 ? ` (values sets ${valuesSets.join(', ')})` : '';
  const finding = fileFinding(chartRenderFailed, file, line, `${message}${sets}`, 'helm-template', {
    chart,
    valuesSet: valuesSets[0],
  });
  return valuesSets.length ? { ...finding, valuesSets } : finding;
}

/** The base commit's changed paths, loaded while head's check runs (diff/reuse.ts). */
function loadBase(options: Run, ref: string) {
  const { root, paths, policy } = options;
  const loading = loadChangedBase(ref, {
    root,
    paths: paths.length ? paths : policy.paths,
    exclude: policy.exclude,
    policy,
    load: (dir, inputs, unchanged) => load(options, dir, inputs, false, unchanged),
    tools: options.tools ?? {},
  });
  loading.catch(() => undefined); // awaited by checkBase, even when head's check throws
  return loading;
}

/** The same check on the base commit, with head's policy: head's results where the content is
 *  the same, else (kustomize, links, a policy change) on a separate work tree. */
async function checkBase(
  options: Run,
  ref: string,
  loading: ReturnType<typeof loadBase>,
  head: LoadedInputs,
): Promise<Checked | { error: string }> {
  let checkout;
  try {
    const changed = await loading;
    const base = 'full' in changed ? changed : reuseHead(head, changed);
    if (!('full' in base)) return evaluate(options, base);
    checkout = await checkoutBase(options.root, ref, options.tools ?? {});
  } catch (error) {
    return { error: `cannot check out base ${ref}: ${(error as Error).message}` };
  }
  try {
    return await check({ ...options, root: checkout.dir, base: undefined });
  } finally {
    await checkout.remove();
  }
}
