// The render stage for Helm charts: every chart rendered with the real `helm template` for every
// values set, each rendered document parsed into resources whose positions map back to the
// values or template line a human changes. A chart that fails to render becomes one KPG002
// finding; the other charts are still scanned.
import { availableParallelism } from 'node:os';
import pLimit from 'p-limit';
import type { Finding, ScanError } from '../../model.js';
import { chartRenderFailed } from '../../rules/engine-rules.js';
import { fileFinding } from '../../rules/evaluate.js';
import { findHelm, helmVersion } from '../helm-binary.js';
import { parseManifests } from '../manifests.js';
import type { K8sResource } from '../resource.js';
import { loadChartInfo, resolveSource, type ChartInfo } from './chart.js';
import { errorPosition, missingDependencies, renderChart, type RenderResult } from './render.js';
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
export { configuredValuesSets } from './values-sets.js';
export { mergeAcrossValuesSets } from './merge.js';

export interface RenderChartsOptions {
  root: string;
  /** Repository-relative chart directories (from discovery). */
  charts: readonly string[];
  /** `--helm PATH`; else $HELM_BIN, else `helm` on PATH. */
  helm?: string;
  /** Values sets from the policy file, added to each matching chart's default and ci/ sets. */
  extraSets?: readonly ConfiguredValuesSet[];
  /** Parallel `helm template` processes (default: the number of CPUs). */
  concurrency?: number;
  /** Per render (default 120 s). */
  timeoutMs?: number;
}

export interface RenderedCharts {
  resources: K8sResource[];
  /** KPG002 findings: charts (and values sets) that failed to render. */
  findings: Finding[];
  errors: ScanError[];
}

/** No usable helm while there are charts to render: a configuration error (exit 2). */
export class HelmUnavailableError extends Error {
  override name = 'HelmUnavailableError';
}

const DEFAULT_TIMEOUT_MS = 120_000;
const INSTALL_HINT =
  'install helm (https://helm.sh/docs/intro/install/; in GitHub Actions add a step `uses: azure/setup-helm@v4`), or pass --helm PATH / set HELM_BIN';

export async function renderCharts(options: RenderChartsOptions): Promise<RenderedCharts> {
  const rendered: RenderedCharts = { resources: [], findings: [], errors: [] };
  if (options.charts.length === 0) return rendered;
  const { root } = options;
  const files = new ValuesFiles(root);
  const templates = new TemplateFiles(root);
  const limit = pLimit(Math.max(1, options.concurrency ?? availableParallelism()));

  const [helm, charts] = await Promise.all([
    usableHelm(options.helm),
    Promise.all(
      options.charts.map(async (dir) => {
        try {
          const info = await loadChartInfo(root, dir);
          return { dir, info, sets: await valuesSetsFor(root, dir, options.extraSets) };
        } catch (error) {
          return { dir, problem: `cannot read ${dir}/Chart.yaml: ${(error as Error).message}` };
        }
      }),
    ),
  ]);
  for (const chart of charts) {
    if (chart.problem) {
      rendered.findings.push(
        fileFinding(
          chartRenderFailed,
          `${chart.dir}/Chart.yaml`,
          1,
          chart.problem,
          'helm-template',
          {
            chart: chart.dir,
          },
        ),
      );
    }
  }
  // Each output is parsed as soon as it arrives, while the other renders run; results are kept
  // in job order so the report does not depend on which render finished first.
  const jobs = charts.flatMap((chart) =>
    chart.info ? chart.sets.map((set) => ({ chart: chart.info, set })) : [],
  );
  const shared: Shared = { templates, files, documents: new Map() };
  const outcomes = await Promise.all(
    jobs.map(({ chart, set }) =>
      limit(() =>
        renderChart({
          helm,
          root,
          chartDir: chart.dir,
          chartName: chart.name,
          valuesSet: set,
          timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
        }),
      ).then((result) =>
        // After the next render has been started: parsing must not keep a CPU waiting for it.
        afterPendingIo(() =>
          result.ok
            ? documentsOf(result.output, chart, set, shared)
            : renderFailure(chart, set, result),
        ),
      ),
    ),
  );
  for (const outcome of outcomes) {
    if ('ruleId' in outcome) {
      rendered.findings.push(outcome);
    } else {
      rendered.resources.push(...outcome.resources);
      rendered.errors.push(...outcome.errors);
    }
  }
  return rendered;
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

async function usableHelm(explicit: string | undefined): Promise<string> {
  const helm = await findHelm(explicit);
  if (!helm)
    throw new HelmUnavailableError(`charts found but no helm to render them: ${INSTALL_HINT}`);
  try {
    await helmVersion(helm);
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
      resources.push({ ...base, origin });
    }
    for (const error of parsed.errors) {
      errors.push({ ...error, message: `rendered with ${set.name}: ${error.message}` });
    }
  }
  return { resources, errors };
}

/** One KPG002 finding, on the template line helm's error names (else on Chart.yaml). */
function renderFailure(
  chart: ChartInfo,
  set: ValuesSet,
  result: Extract<RenderResult, { ok: false }>,
): Finding {
  let file = `${chart.dir}/Chart.yaml`;
  let line = 1;
  let message = `helm template failed: ${result.error}`;
  const missing = missingDependencies(result.error);
  const position = errorPosition(result.error);
  if (missing.length) {
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
  return fileFinding(chartRenderFailed, file, line, message, 'helm-template', {
    chart: chart.dir,
    valuesSet: set.name,
  });
}
