// How this project bundles an entry point with esbuild: self-contained ESM for Node, `?raw` text
// imports as vite and vitest understand them, repository-relative paths so that the same sources
// give byte-identical files wherever the checkout lives. Used by scripts/build.ts for dist/ and by
// the bench for the child it measures memory in.
import { chmod, copyFile, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** `import text from './file.yaml?raw'`. */
const rawText: Plugin = {
  name: 'raw-text',
  setup(esbuild) {
    // Repository-relative paths: they end up in the bundle's comments.
    esbuild.onResolve({ filter: /\?raw$/ }, (args) => ({
      path: path.relative(ROOT, path.resolve(args.resolveDir, args.path.slice(0, -'?raw'.length))),
      namespace: 'raw-text',
    }));
    esbuild.onLoad({ filter: /.*/, namespace: 'raw-text' }, async (args) => ({
      contents: await readFile(path.join(ROOT, args.path), 'utf8'),
      loader: 'text',
    }));
  },
};

// mvdan-sh, the shell parser (1.5 MB of GopherJS output, twice that once esbuild reformats it),
// stays a file of its own beside the bundle: src/sources/shell.ts imports it with the first
// Dockerfile. Inside the bundle its source alone cost every run some 20 MB and the time to read
// it, Dockerfiles or not.
const SHELL_PARSER = 'mvdan-sh.cjs';
const separateShellParser: Plugin = {
  name: 'separate-shell-parser',
  setup(esbuild) {
    esbuild.onResolve({ filter: /^mvdan-sh$/ }, () => ({
      path: `./${SHELL_PARSER}`,
      external: true,
    }));
  },
};

// The Kubernetes client (some 19 MB bundled) is a file of its own too: src/sources/cluster.ts imports
// it only when a cluster is read.
const KUBE_CLIENT = 'kube-client.js';
const separateKubeClient: Plugin = {
  name: 'separate-kube-client',
  setup(esbuild) {
    esbuild.onResolve({ filter: /^\.\/kube-client\.js$/ }, () => ({
      path: `./${KUBE_CLIENT}`,
      external: true,
    }));
  },
};
const kubeClientsBuilt = new Set<string>();

/** The version src/version.ts reports: a constant in the bundle, not the whole package.json. */
const { version } = JSON.parse(await readFile(path.join(ROOT, 'package.json'), 'utf8')) as {
  version: string;
};
const define = { __KPG_VERSION__: JSON.stringify(version) };

// Some bundled CommonJS dependencies call require() for Node built-ins.
const requireShim =
  "import { createRequire as __kpgCreateRequire } from 'node:module';\nconst require = __kpgCreateRequire(import.meta.url);";

/** Bundles `entry` (relative to the repository) into `outfile`. */
export async function bundle(entry: string, outfile: string): Promise<void> {
  await build({
    absWorkingDir: ROOT,
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    banner: { js: requireShim },
    plugins: [rawText, separateShellParser, separateKubeClient],
    define,
    legalComments: 'eof',
    logLevel: 'warning',
  });
  const require = createRequire(import.meta.url);
  const beside = (name: string) => path.resolve(ROOT, path.dirname(outfile), name);
  await copyFile(require.resolve('mvdan-sh'), beside(SHELL_PARSER));
  await copyFile(require.resolve('mvdan-sh/LICENSE'), beside(`${SHELL_PARSER}.LICENSE`));
  const kubeClient = beside(KUBE_CLIENT);
  if (!kubeClientsBuilt.has(kubeClient)) {
    kubeClientsBuilt.add(kubeClient);
    await build({
      absWorkingDir: ROOT,
      entryPoints: ['src/sources/kube-client.ts'],
      outfile: kubeClient,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node22',
      banner: { js: requireShim },
      legalComments: 'eof',
      logLevel: 'warning',
    });
  }
}

// The CLI's bin is a few lines that turn on Node's compile cache (module.enableCompileCache: the
// V8 code of a bundle, kept under the system's temporary folder or $NODE_COMPILE_CACHE) and only
// then import the CLI, bundled as cli-main.js beside it: a bundle's code is cached only when the
// cache is on before the bundle is compiled. A warm cache saves most of the bundle's compile
// time at every start; a cold one, or one that cannot be written (a read-only file system), costs
// nothing more than today. An older Node.js has no enableCompileCache: the CLI's first module
// (src/version.ts) then says which Node.js it needs.
const startCli = (main: string) =>
  [
    '#!/usr/bin/env node',
    '// kube-policy-gate CLI (scripts/bundle.ts): the compile cache on, then the CLI.',
    "import module from 'node:module';",
    'try {',
    '  module.enableCompileCache?.();',
    '} catch {',
    '  // No cache: the CLI starts as without one.',
    '}',
    `await import('./${main}');`,
    '',
  ].join('\n');

/** Bundles the CLI (src/cli.ts) as `cli-main.js` beside `outfile`, and the bin that starts it as
 *  `outfile` (executable). */
export async function bundleCli(outfile: string): Promise<void> {
  const main = `cli-main${path.extname(outfile)}`;
  await bundle('src/cli.ts', path.join(path.dirname(outfile), main));
  const bin = path.resolve(ROOT, outfile);
  await writeFile(bin, startCli(main));
  await chmod(bin, 0o755);
}
