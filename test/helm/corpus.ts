// The ten real charts of /work/shared/corpus/charts, copied to a temporary repository root (the
// corpus is read-only). kube-prometheus-stack's chart repository dependencies are not vendored
// there (only `crds` is), so the copy vendors the corpus's own kube-state-metrics,
// prometheus-node-exporter and grafana (the versions its Chart.yaml pins) and drops
// prometheus-windows-exporter, which the corpus lacks and which is off by default
// (`windowsMonitoring.enabled: false`, and no ci/ file enables it).
import { chmod, cp, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const CORPUS_CHARTS = path.resolve(process.env.KPG_CORPUS ?? '../shared/corpus', 'charts');
export const CHART_NAMES = [
  'grafana',
  'ingress-nginx',
  'kube-prometheus-stack',
  'kube-state-metrics',
  'nginx',
  'podinfo',
  'postgresql',
  'prometheus',
  'prometheus-node-exporter',
  'redis',
];
const KPS_VENDORED = ['kube-state-metrics', 'prometheus-node-exporter', 'grafana'];

/** A temporary root with `charts/<name>` for each corpus chart; call `remove()` when done. */
export async function corpusRoot(): Promise<{
  root: string;
  charts: string[];
  remove(): Promise<void>;
}> {
  const root = await mkdtemp(path.join(tmpdir(), 'kpg-corpus-'));
  for (const name of CHART_NAMES) {
    await cp(path.join(CORPUS_CHARTS, name), path.join(root, 'charts', name), { recursive: true });
  }
  await makeWritable(path.join(root, 'charts')); // the corpus is read-only; so would its copy be
  const kps = path.join(root, 'charts', 'kube-prometheus-stack');
  for (const name of KPS_VENDORED) {
    await cp(path.join(CORPUS_CHARTS, name), path.join(kps, 'charts', name), { recursive: true });
  }
  await makeWritable(path.join(kps, 'charts'));
  const chartYaml = path.join(kps, 'Chart.yaml');
  const text = await readFile(chartYaml, 'utf8');
  const withoutWindows = text.replace(/ {2}- name: prometheus-windows-exporter\n(?: {4}.*\n)+/, '');
  if (withoutWindows === text) throw new Error('kube-prometheus-stack Chart.yaml changed upstream');
  await writeFile(chartYaml, withoutWindows);
  return {
    root,
    charts: CHART_NAMES.map((name) => `charts/${name}`),
    remove: () => rm(root, { recursive: true, force: true }),
  };
}

async function makeWritable(target: string): Promise<void> {
  const info = await stat(target);
  await chmod(target, info.mode | 0o200);
  if (!info.isDirectory()) return;
  for (const entry of await readdir(target)) await makeWritable(path.join(target, entry));
}
