// The base scan's inputs from head's: every plain file whose content is the same in the base
// commit, and every chart whose whole tree is (subcharts, values files, ci/ included), is taken
// from head's loaded results, and so are the kustomize builds when nothing in the kustomizations'
// folders changed; only what differs is read, rendered and parsed again, from a temp dir holding
// the base's version of those paths. Rules run afterwards over the combined set, so
// cross-resource rules see the base as a full scan would.
import { lstat } from 'node:fs/promises';
import path from 'node:path';
import type { DockerfileModel } from '../sources/dockerfile.js';
import { discover, type Discovered } from '../sources/discover.js';
import type { RenderedCharts } from '../sources/helm/index.js';
import type { ChartValuesSets } from '../sources/helm/values-sets.js';
import type { RenderedKustomizations } from '../sources/kustomize/index.js';
import type { Loaded } from '../sources/load.js';
import type { K8sResource } from '../sources/resource.js';
import type { ToolEnvironment } from '../sources/tools.js';
import { baseDifference, materialise, resolveBase, type BaseDifference } from './base-tree.js';
import { openGit } from './git.js';

/** What the load stage produced for one tree: the input of evaluation. */
export interface LoadedInputs {
  inputs: Discovered;
  kustomize: RenderedKustomizations;
  manifests: Loaded<K8sResource>;
  charts: RenderedCharts;
  dockerfiles: Loaded<DockerfileModel>;
}

export interface ReuseOptions {
  root: string;
  paths: readonly string[];
  exclude: readonly string[];
  /** The policy file (root-relative) and its chart values sets: a change to the policy file
   *  recomputes everything. */
  policy: { file?: string; charts: ReadonlyMap<string, ChartValuesSets> };
  /** The load stage, for the changed paths; kustomize roots whose folders pass `unchanged`
   *  are not built (head's builds stand for them). */
  load(
    root: string,
    inputs: Discovered,
    unchanged?: (folders: ReadonlySet<string>) => boolean,
  ): Promise<LoadedInputs>;
  /** Where git is found, and the variables it may see (src/diff/git.ts). */
  tools: ToolEnvironment;
}

const KUSTOMIZATION = /(?:^|\/)(?:kustomization\.ya?ml|Kustomization)$/;

const under = (dir: string, file: string) =>
  dir === '.' || file === dir || file.startsWith(`${dir}/`);

/** The base commit's changed paths, loaded; the rest is head's (see reuseHead). */
export interface ChangedBase {
  changed: ReadonlySet<string>;
  /** Whether a root-relative path is the same in base and head, so head's result stands. */
  isReused(file: string): boolean;
  /** The load of the base's changed paths (none: the base has none of them). */
  fresh?: LoadedInputs;
  /** The base's kustomizations were built again (in `fresh`): head's builds do not stand. */
  rebuildsKustomize?: boolean;
}

/**
 * Reads and loads what the base commit has different from head's work tree: needs nothing of
 * head's scan, so it runs alongside it. Or says why the base must be scanned in full (the caller
 * checks it out) as `{ full }`.
 */
export async function loadChangedBase(
  ref: string,
  options: ReuseOptions,
): Promise<ChangedBase | { full: string }> {
  const git = await openGit(options.root, options.tools);
  const sha = await resolveBase(git, ref);
  const difference = await baseDifference(git, sha);
  if ('unsupported' in difference) return { full: difference.unsupported };
  const { changed, files } = difference;
  const { policy } = options;
  if (policy.file && changed.has(policy.file)) {
    return { full: `the policy file ${policy.file} changed` };
  }
  // A values file outside its chart is not in the chart's tree: such charts are not compared.
  const valuesFiles = [...policy.charts.values()].flatMap((chart) =>
    chart.valuesSets.flatMap((set) => set.values),
  );
  if (valuesFiles.some((file) => file.split(/[\\/]/).includes('..'))) {
    return { full: 'the policy names values files outside their chart' };
  }
  // kustomize reads the folders of the kustomizations it builds: when a path in one of them
  // changed (a kustomization file among them), the base's kustomizations are built again from
  // the base's version of every such folder, as a full base scan would build them.
  const folders = kustomizationFolders(difference);
  const rebuildsKustomize = [...changed].some((file) => folders.some((dir) => under(dir, file)));

  const changedCharts = chartsTouched(difference);
  const isReused = (file: string) =>
    !changed.has(file) &&
    !changedCharts.some((dir) => under(dir, file)) &&
    !(rebuildsKustomize && folders.some((dir) => under(dir, file)));
  const wanted = [...files.keys()].filter((file) => !isReused(file));
  const base = await materialise(git, files, wanted);
  try {
    const existing = [];
    for (const given of options.paths.length ? options.paths : ['.']) {
      const found = await lstat(path.join(base.dir, given)).then(
        () => true,
        () => false,
      );
      if (found) existing.push(given);
    }
    // Roots none of whose folders changed are head's builds (reuseHead checks head built them).
    const unchanged = (dirs: ReadonlySet<string>) =>
      ![...changed].some((file) => [...dirs].some((dir) => under(dir, file)));
    const fresh = existing.length
      ? await options.load(
          base.dir,
          await discover(base.dir, existing, options.exclude),
          rebuildsKustomize ? unchanged : undefined,
        )
      : undefined;
    return { changed, isReused, fresh, rebuildsKustomize };
  } finally {
    await base.remove();
  }
}

/** The base's loaded inputs: head's for what is the same, the changed base's for the rest. */
export function reuseHead(head: LoadedInputs, base: ChangedBase): LoadedInputs | { full: string } {
  // A kustomization that names a file outside the kustomizations' folders (a build refuses it,
  // yet the file is then no plain manifest) decides what is plain: such trees are scanned whole.
  if (head.kustomize.outsideInputs?.length || base.fresh?.kustomize.outsideInputs?.length) {
    return { full: "a kustomization names files outside the kustomizations' folders" };
  }
  // Else nothing changed in the folders kustomize reads (loadChangedBase saw every
  // kustomization's folder, head's and the base's): the base's builds are head's.
  if (!base.rebuildsKustomize) return combine(head, base.fresh, base.isReused, head.kustomize);
  const builds = base.fresh && baseBuilds(head.kustomize, base.fresh.kustomize);
  if (base.fresh && !builds) return { full: 'a kustomization became a root in the base' };
  return combine(head, base.fresh, base.isReused, builds);
}

/** The base's kustomize builds: its own for the roots it built again, head's for the others,
 *  in the base's order of roots. Undefined when head did not build one of those others. */
function baseBuilds(
  head: RenderedKustomizations,
  base: RenderedKustomizations,
): RenderedKustomizations | undefined {
  const reused = new Set(base.notBuilt ?? []);
  if ([...reused].some((root) => !head.built?.includes(root))) return undefined;
  const resources = (base.roots ?? []).flatMap((root) =>
    (reused.has(root) ? head : base).resources.filter((r) => r.origin.overlay === root),
  );
  const failures = [
    ...base.failures,
    ...head.failures.filter((failure) => reused.has(failure.overlay)),
  ];
  return { ...base, resources, failures };
}

/** The folders of the kustomizations in the base or head (a kustomization file the pull request
 *  added or removed is a changed path). */
function kustomizationFolders({ changed, files }: BaseDifference): string[] {
  const dirs = [...files.keys(), ...changed]
    .filter((file) => KUSTOMIZATION.test(file))
    .map((file) => path.posix.dirname(file));
  return [...new Set(dirs)];
}

/** Chart directories (head's, or the base's) with a changed path anywhere in their tree: a
 *  directory with a Chart.yaml in the base, or whose Chart.yaml itself changed (head's). */
function chartsTouched({ changed, files }: BaseDifference): string[] {
  const isChartFile = (file: string) => file === 'Chart.yaml' || file.endsWith('/Chart.yaml');
  const dirs = new Set(
    [...files.keys(), ...changed].filter(isChartFile).map((file) => path.posix.dirname(file)),
  );
  return [...dirs].filter((dir) => [...changed].some((file) => under(dir, file)));
}

function combine(
  head: LoadedInputs,
  fresh: LoadedInputs | undefined,
  isReused: (file: string) => boolean,
  /** The base's kustomize builds: head's, or those built again (baseBuilds). */
  builds: RenderedKustomizations | undefined,
): LoadedInputs {
  const keep = <T extends { file: string }>(items: readonly T[]) =>
    items.filter((item) => isReused(item.file));
  const sorted = (a: readonly string[], b: readonly string[] = []) =>
    [...a.filter(isReused), ...b].sort(byPath);
  const h = head.inputs;
  const f = fresh?.inputs;
  const inputs: Discovered = {
    manifests: sorted(h.manifests, f?.manifests),
    dockerfiles: sorted(h.dockerfiles, f?.dockerfiles),
    charts: sorted(h.charts, f?.charts),
    byteNames: new Map(),
    chartData: new Set([...[...h.chartData].filter(isReused), ...(f?.chartData ?? [])]),
    unreadable: [...keep(h.unreadable), ...(f?.unreadable ?? [])],
    errors: [...keep(h.errors), ...(f?.errors ?? [])],
  };
  const loaded = <T>(
    pick: (from: LoadedInputs) => Loaded<T>,
    fileOf: (item: T) => string,
    order: readonly string[],
  ): Loaded<T> => {
    const reused = pick(head);
    const items = inOrder(
      [
        ...reused.items.filter((item) => isReused(fileOf(item))),
        ...(fresh ? pick(fresh).items : []),
      ],
      fileOf,
      order,
    );
    return {
      items,
      errors: [...keep(reused.errors), ...(fresh ? pick(fresh).errors : [])],
      warnings: [...keep(reused.warnings), ...(fresh ? pick(fresh).warnings : [])],
    };
  };
  const manifests = loaded(
    (from) => from.manifests,
    (r) => r.origin.file,
    inputs.manifests,
  );
  const dockerfiles = loaded(
    (from) => from.dockerfiles,
    (d) => d.file,
    inputs.dockerfiles,
  );
  const chartOf = (file: string) => inputs.charts.find((dir) => under(dir, file)) ?? file;
  const charts: RenderedCharts = {
    resources: inOrder(
      [
        ...head.charts.resources.filter((r) => isReused(r.origin.chart ?? r.origin.file)),
        ...(fresh?.charts.resources ?? []),
      ],
      (r) => chartOf(r.origin.chart ?? r.origin.file),
      inputs.charts,
    ),
    failures: [
      ...head.charts.failures.filter((failure) => isReused(failure.chart)),
      ...(fresh?.charts.failures ?? []),
    ],
    leftOut: [...keep(head.charts.leftOut), ...(fresh?.charts.leftOut ?? [])],
    errors: [...keep(head.charts.errors), ...(fresh?.charts.errors ?? [])],
  };
  const kustomize: RenderedKustomizations = {
    ...(builds ?? { resources: [], failures: [], errors: [] }),
    manifests: inputs.manifests,
  };
  return { inputs, kustomize, manifests, charts, dockerfiles };
}

const byPath = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Items grouped in the order of their files (as a full load produces them), stable within. */
function inOrder<T>(items: T[], fileOf: (item: T) => string, order: readonly string[]): T[] {
  const rank = new Map(order.map((file, index) => [file, index]));
  return items
    .map((item, index) => ({ item, index, rank: rank.get(fileOf(item)) ?? order.length }))
    .sort((a, b) => a.rank - b.rank || a.index - b.index)
    .map(({ item }) => item);
}
