// Issue 18's realistic repository, generated for the bench: the corpus's 10 charts, 2,000
// synthetic manifests (one workload a file) and 39 corpus Dockerfiles, committed to git; then a
// pull request that changes one chart's values. And the startup of the bundled CLI.
import { execFile, execFileSync } from 'node:child_process';
import { cp, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { corpusCharts } from '../test/helm/corpus.js';
import { syntheticWorkloads } from './workloads.js';

export const REPO_MANIFESTS = 2_000;
export const REPO_DOCKERFILES = 39;

export interface RealisticRepo {
  root: string;
  charts: string[];
  /** The base commit's branch (head is checked out). */
  base: string;
  /** The chart whose values the pull request changed. */
  changedChart: string;
}

export async function writeRealisticRepo(
  root: string,
  dockerfilesDir: string,
  seed: number,
): Promise<RealisticRepo> {
  await mkdir(root, { recursive: true });
  const charts: string[] = [];
  for (const chart of corpusCharts.charts) {
    await cp(path.join(corpusCharts.root, chart), path.join(root, chart), { recursive: true });
    charts.push(chart);
  }
  for (const { file, text } of syntheticWorkloads(REPO_MANIFESTS, seed, 1)) {
    await mkdir(path.dirname(path.join(root, file)), { recursive: true });
    await writeFile(path.join(root, file), text);
  }
  const dockerfiles = (await readdir(dockerfilesDir))
    .filter((name) => name.endsWith('Dockerfile'))
    .sort()
    .slice(0, REPO_DOCKERFILES);
  for (const [index, name] of dockerfiles.entries()) {
    const dir = path.join(root, 'services', `svc-${String(index).padStart(2, '0')}`);
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, 'Dockerfile'), await readFile(path.join(dockerfilesDir, name)));
  }
  const git = benchGit(root);
  git('init', '-q', '-b', 'main');
  // --force: some corpus charts ignore their vendored charts/; a real repository commits them.
  git('add', '-A', '--force');
  git('commit', '-qm', 'base');
  git('branch', 'base');
  // The pull request: one chart's values change (a value every template set reads).
  const changedChart = charts.find((chart) => chart.endsWith('/podinfo')) ?? charts[0];
  const values = path.join(root, changedChart, 'values.yaml');
  await writeFile(values, `${await readFile(values, 'utf8')}\ncommonLabels:\n  team: payments\n`);
  git('commit', '-qam', 'head: change one chart values');
  return { root, charts, base: 'base', changedChart };
}

/** git in `dir`, committing as the bench. */
export function benchGit(dir: string): (...args: string[]) => Buffer {
  return (...args) =>
    execFileSync('git', args, {
      cwd: dir,
      env: {
        ...process.env,
        GIT_AUTHOR_NAME: 'bench',
        GIT_AUTHOR_EMAIL: 'bench@example.invalid',
        GIT_COMMITTER_NAME: 'bench',
        GIT_COMMITTER_EMAIL: 'bench@example.invalid',
      },
    });
}

/** Wall time of one child process, in ms. */
export function timeProcess(command: string, args: string[], cwd: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    execFile(command, args, { cwd }, (error) => {
      // A scan that finds something exits 1: only a crash or usage error (2+) is a failure.
      const code = (error as { code?: number } | null)?.code;
      if (error && code !== 1) reject(error);
      else resolve(performance.now() - start);
    });
  });
}
