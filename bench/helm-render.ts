// Cost of a full scan of the corpus charts against plain `helm template` of the same charts and
// values sets with the same concurrency, measured two ways: the engine in-process (`scan()` with
// every Kubernetes rule: rendering, parsing, source map, evaluation) and the built CLI
// (dist/cli.js, `--policy trivy`, adding Node startup and the report).
// Usage: npm run build && npx tsx bench/helm-render.ts [3|4] [rounds]
// Prints the medians and the ratios (the scan must stay within 1.3x).
import { execFile } from 'node:child_process';
import { availableParallelism } from 'node:os';
import pLimit from 'p-limit';
import { devHelm } from '../scripts/dev-helm.js';
import path from 'node:path';
import type { Policy } from '../src/config/policy.js';
import { k8sRules } from '../src/rules/k8s/index.js';
import { scan } from '../src/scan.js';
import { loadChartInfo } from '../src/sources/helm/chart.js';
import { helmTemplateArgs } from '../src/sources/helm/render.js';
import { valuesSetsFor } from '../src/sources/helm/values-sets.js';
import { corpusCharts as corpus } from '../test/helm/corpus.js';

const major = process.argv[2] === '3' ? 3 : 4;
const rounds = Number(process.argv[3] ?? 5);

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

async function plainHelm(helm: string, root: string, charts: string[]): Promise<number> {
  const jobs: string[][] = [];
  for (const dir of charts) {
    const { name } = await loadChartInfo(root, dir);
    for (const valuesSet of await valuesSetsFor(root, dir)) {
      jobs.push(
        helmTemplateArgs({
          chartPath: path.resolve(root, dir),
          chartName: name,
          valuesSet,
          valuesFiles: valuesSet.valuesFiles.map((file) => path.resolve(root, file)),
        }),
      );
    }
  }
  const limit = pLimit(availableParallelism());
  const start = performance.now();
  await Promise.all(
    jobs.map((args) =>
      limit(
        () =>
          new Promise<void>((resolve, reject) =>
            execFile(helm, args, { cwd: root, maxBuffer: 512 * 1024 * 1024 }, (error) =>
              error ? reject(error) : resolve(),
            ),
          ),
      ),
    ),
  );
  return performance.now() - start;
}

const CLI = path.resolve('dist/cli.js');

async function engineScan(helm: string, root: string): Promise<number> {
  const policy: Policy = {
    failOn: 'none',
    rules: new Map(k8sRules.map((rule) => [rule.meta.id, { severity: rule.meta.severity }])),
    paths: [],
    exclude: [],
    exceptions: [],
    requireReason: false,
    charts: new Map(),
  };
  const start = performance.now();
  const result = await scan({ root, paths: ['charts'], policy, tools: { helm } });
  const elapsed = performance.now() - start;
  if (result.findings.some((finding) => finding.ruleId === 'KPG002')) {
    throw new Error('a corpus chart failed to render');
  }
  return elapsed;
}

async function fullScan(helm: string, root: string): Promise<number> {
  const args = [
    CLI,
    'scan',
    'charts',
    '--format',
    'json',
    '--policy',
    'trivy',
    '--fail-on',
    'none',
  ];
  const start = performance.now();
  const stdout = await new Promise<string>((resolve, reject) =>
    execFile(
      process.execPath,
      [...args, '--helm', helm],
      { cwd: root, maxBuffer: 512 * 1024 * 1024 },
      (error, out, stderr) => (error ? reject(new Error(stderr || error.message)) : resolve(out)),
    ),
  );
  const elapsed = performance.now() - start;
  const report = JSON.parse(stdout) as { findings: { ruleId: string }[] };
  if (report.findings.some((finding) => finding.ruleId === 'KPG002')) {
    throw new Error('a corpus chart failed to render');
  }
  return elapsed;
}

const helm = await devHelm(major);
const times = { helm: [] as number[], engine: [] as number[], cli: [] as number[] };
await engineScan(helm, corpus.root); // warm-up: file cache, JIT
for (let round = 0; round < rounds; round++) {
  times.helm.push(await plainHelm(helm, corpus.root, corpus.charts));
  times.engine.push(await engineScan(helm, corpus.root));
  times.cli.push(await fullScan(helm, corpus.root));
}
const [plain, engine, cli] = [median(times.helm), median(times.engine), median(times.cli)];
console.log(
  `helm v${major}, ${availableParallelism()} CPUs, ${rounds} rounds (medians): ` +
    `helm template ${plain.toFixed(0)} ms; scan() ${engine.toFixed(0)} ms, ratio ` +
    `${(engine / plain).toFixed(2)}; CLI ${cli.toFixed(0)} ms, ratio ${(cli / plain).toFixed(2)} ` +
    '(limit 1.30)',
);
