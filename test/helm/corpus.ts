// The ten real charts of the corpus's charts/ folder (dependencies vendored, so each renders
// offline with `helm template`), read in place: the corpus is the repository root, each chart a
// path `charts/<name>` inside it. Nothing is written there (the corpus is read-only).
import { corpusPath, CORPUS } from '../support/corpus.js';

export const CORPUS_CHARTS = corpusPath('charts');
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

/** The repository root to scan and the chart paths in it. */
export const corpusCharts: { root: string; charts: string[] } = {
  root: CORPUS,
  charts: CHART_NAMES.map((name) => `charts/${name}`),
};
