// Bundles the Action (src/main.ts -> dist/index.js) and the CLI (src/cli.ts -> dist/cli.js),
// each self-contained. Deterministic: the same sources give byte-identical files.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** `import text from './file.yaml?raw'`, as vite and vitest understand it. */
const rawText: Plugin = {
  name: 'raw-text',
  setup(esbuild) {
    // Repository-relative paths: they end up in the bundle's comments, and the build must
    // not depend on where the checkout lives.
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

// Some bundled CommonJS dependencies call require() for Node built-ins.
const requireShim =
  "import { createRequire as __kpgCreateRequire } from 'node:module';\nconst require = __kpgCreateRequire(import.meta.url);";

const entries = [
  { entry: 'src/main.ts', outfile: 'dist/index.js', banner: requireShim },
  { entry: 'src/cli.ts', outfile: 'dist/cli.js', banner: `#!/usr/bin/env node\n${requireShim}` },
];

for (const { entry, outfile, banner } of entries) {
  await build({
    absWorkingDir: ROOT,
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    banner: { js: banner },
    plugins: [rawText],
    legalComments: 'eof',
    logLevel: 'warning',
  });
}
