// scan() in a worker thread of its own, for the CLI and the Action. V8 sizes a thread's young
// generation when the thread starts; in the main thread Node 24 lets it grow to 2 x 64 MB while
// a big scan parses, and neither the Action runner nor an npm `bin` can pass
// --max-semi-space-size. A worker takes resource limits: with a 16 MB young generation a
// 10,000-workload scan peaks at ~245 MB instead of ~310, in about the same time. Options and
// results are plain data and cross by structured clone. A small scan runs in this thread: a
// worker costs a second compile of the bundle and its bootstrap (~0.2 s), for no memory gained.
import { lstat, readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { scan, type ScanOptions, type ScanResult } from './scan.js';
import { PathNotFoundError } from './sources/discover.js';
import { HelmUnavailableError } from './sources/helm/index.js';
import { KustomizeUnavailableError } from './sources/kustomize/index.js';

const YOUNG_GENERATION_MB = 16;
/** Up to this many bytes of files under the scanned paths, the scan stays in this thread: far
 *  below where the young generation's growth matters (tens of MB of manifests). */
export const IN_THREAD_MAX_BYTES = 4 * 1024 * 1024;
/** ...and up to this many directory entries looked at (a tree of many tiny files is big too). */
const IN_THREAD_MAX_ENTRIES = 2_000;
/** The workerData key of a scan worker's options. */
const SCAN_REQUEST = 'kubePolicyGateScan';

interface WorkerError {
  name: string;
  message: string;
  stack?: string;
}

type Outcome = { result: ScanResult } | { error: WorkerError };

/**
 * Runs scan() in a worker thread started from this bundle (dist/cli.js, dist/index.js): its entry
 * point calls serveScanWorker() first. From sources (tests, tsx) a worker could not load
 * TypeScript: the scan runs in this thread.
 */
export async function scanInWorker(options: ScanOptions): Promise<ScanResult> {
  const bundle = fileURLToPath(import.meta.url);
  if (!/\.[cm]?js$/.test(bundle)) return scan(options);
  if (!options.base && (await isSmallInput(options))) return scan(options);
  return new Promise((resolve, reject) => {
    const worker = new Worker(bundle, {
      workerData: { [SCAN_REQUEST]: options },
      resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
    });
    worker.once('message', (outcome: Outcome) => {
      // Done with it: its heap goes before the report is written, and no handle it left open
      // can keep the process alive.
      void worker.terminate();
      if ('result' in outcome) resolve(outcome.result);
      else reject(revive(outcome.error));
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the scan worker stopped (exit code ${code})`)));
  });
}

/**
 * Whether the scanned paths hold at most IN_THREAD_MAX_BYTES in at most IN_THREAD_MAX_ENTRIES
 * entries. Stops counting as soon as either is passed, so a big repository costs a bounded
 * look; anything it cannot look at counts as big (the worker then decides as before).
 */
export async function isSmallInput(options: Pick<ScanOptions, 'root' | 'paths' | 'policy'>) {
  const given = options.paths.length ? options.paths : options.policy.paths;
  const pending = given.map((p) => path.resolve(options.root, p));
  let bytes = 0;
  let entries = 0;
  try {
    while (pending.length) {
      const where = pending.pop()!;
      const info = await lstat(where);
      if (++entries > IN_THREAD_MAX_ENTRIES) return false;
      if (info.isDirectory()) {
        for (const entry of await readdir(where)) {
          if (entry !== '.git' && entry !== 'node_modules') pending.push(path.join(where, entry));
        }
      } else if ((bytes += info.size) > IN_THREAD_MAX_BYTES) {
        return false;
      }
    }
  } catch {
    return false;
  }
  return true;
}

/** In a scan worker: starts the scan it was started for, whose outcome it posts when done, and
 *  returns true. Elsewhere returns false at once. Entry points call it before anything else
 *  (synchronous: the CLI's bundle is a script, without top-level await; scripts/cli-bin.ts). */
export function serveScanWorker(): boolean {
  const options = isMainThread ? undefined : (workerData?.[SCAN_REQUEST] as ScanOptions);
  if (!options) return false;
  void scan(options)
    .then(
      (result): Outcome => ({ result }),
      (error: unknown): Outcome => {
        const { name = 'Error', message = String(error), stack } = error as Partial<Error>;
        return { error: { name, message, stack } };
      },
    )
    .then((outcome) => parentPort!.postMessage(outcome));
  return true;
}

/** The errors the entry points tell apart keep their class across the thread boundary. */
function revive({ name, message, stack }: WorkerError): Error {
  const error =
    name === 'HelmUnavailableError'
      ? new HelmUnavailableError(message)
      : name === 'KustomizeUnavailableError'
        ? new KustomizeUnavailableError(message)
        : name === 'PathNotFoundError'
          ? new PathNotFoundError(message)
          : new Error(message);
  error.name = name;
  // Where it was thrown in the worker, for KPG_DEBUG.
  if (stack) error.stack = stack;
  return error;
}
