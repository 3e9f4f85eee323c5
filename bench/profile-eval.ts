// The bench's evaluation part alone (evalPerSec: the default pack over the 10,000 synthetic
// workloads and the corpus charts' rendered output), to profile it without the rest of the bench:
// `npx tsx bench/profile-eval.ts [ROUNDS] [--dump FILE]` prints the median CPU time of
// evaluateResources; --dump writes the findings as JSON, to compare two versions' results. For
// line-accurate profiles, bundle it as dist/ is bundled (scripts/bundle.ts) and run the bundle
// with `node --cpu-prof`. The charts are rendered once (dev helm 4) into node_modules/.cache.
import './raw-text.js';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { execFileSync } from 'node:child_process';

const { loadPolicy } = await import('../src/config/policy.js');
const { evaluateResources } = await import('../src/rules/evaluate.js');
const { parseManifests } = await import('../src/sources/manifests.js');
const { loadChartInfo } = await import('../src/sources/helm/chart.js');
const { helmTemplateArgs } = await import('../src/sources/helm/render.js');
const { valuesSetsFor } = await import('../src/sources/helm/values-sets.js');
const { corpusCharts: corpus } = await import('../test/helm/corpus.js');
const { syntheticWorkloads } = await import('./workloads.js');

const CACHE = path.resolve(
  import.meta.dirname,
  '../node_modules/.cache/kube-policy-gate-bench/rendered',
);
await mkdir(CACHE, { recursive: true });
if (!(await readdir(CACHE)).length) {
  const { devHelm } = await import('../scripts/dev-helm.js');
  const helm = await devHelm(4);
  for (const dir of corpus.charts) {
    const { name } = await loadChartInfo(corpus.root, dir);
    for (const valuesSet of await valuesSetsFor(corpus.root, dir)) {
      const args = helmTemplateArgs({
        chartPath: path.resolve(corpus.root, dir),
        chartName: name,
        valuesSet,
        valuesFiles: valuesSet.valuesFiles.map((file) => path.resolve(corpus.root, file)),
      });
      const out = execFileSync(helm, args, { cwd: corpus.root, maxBuffer: 512 * 1024 * 1024 });
      const file = `${path.basename(dir)}__${valuesSet.name.replace(/\//g, '_')}.yaml`;
      await writeFile(path.join(CACHE, file), out);
    }
  }
}
const texts: Array<{ file: string; text: string }> = [...syntheticWorkloads(10_000, 20240601)];
for (const name of (await readdir(CACHE)).sort()) {
  const [chart, set] = name.replace(/\.yaml$/, '').split('__');
  const text = await readFile(path.join(CACHE, name), 'utf8');
  texts.push({ file: `rendered/${chart}/${set}.yaml`, text });
}
const resources = texts.flatMap(({ file, text }) => parseManifests(text, { file }).resources);
const policy = loadPolicy({ root: CACHE, packs: ['default'] });
const rounds = Number(process.argv[2] ?? 9);
let findings = evaluateResources(resources, policy); // warm-up
const cpuMs: number[] = [];
for (let round = 0; round < rounds; round++) {
  // CPU time: on a shared machine, less moved by the others than wall time.
  const start = process.cpuUsage();
  findings = evaluateResources(resources, policy);
  const { user, system } = process.cpuUsage(start);
  cpuMs.push((user + system) / 1000);
}
const median = [...cpuMs].sort((a, b) => a - b)[cpuMs.length >> 1];
console.error(
  `${resources.length} resources, ${findings.length} findings: median ${median.toFixed(0)} ms CPU, min ${Math.min(...cpuMs).toFixed(0)} ms ` +
    `(${Math.round(resources.length / (median / 1000))}/s); rounds ${cpuMs.map((ms) => ms.toFixed(0)).join(' ')}`,
);
const dump = process.argv.indexOf('--dump');
if (dump > 0) await writeFile(process.argv[dump + 1], JSON.stringify(findings));
