// How this project bundles an entry point with esbuild: self-contained ESM (or, for the CLI,
// CommonJS that scripts/cli-bin.ts runs from V8's code cache) for Node, `?raw` text
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

// Packages a small scan does not use, initialised only when first used: `yaml` (the policy file,
// ignore files, charts, kustomize, YAML syntax errors), `dockerfile-ast` and `tar` (subchart
// archives). Bundled
// as they are, each runs all its modules' top-level code at every start. Their value exports
// become stand-ins that load the package on first use (call, `new`, property read); an import
// of a name the stand-in does not have fails the build.
const LAZY_PACKAGES = ['yaml', 'dockerfile-ast', 'tar'];
const lazyPackages: Plugin = {
  name: 'lazy-packages',
  setup(esbuild) {
    const require = createRequire(import.meta.url);
    esbuild.onResolve({ filter: /^(yaml|dockerfile-ast|tar)$/ }, (args) =>
      // The stand-in's own require() is of the package itself.
      args.namespace === 'lazy-package'
        ? undefined
        : { path: args.path, namespace: 'lazy-package' },
    );
    esbuild.onLoad({ filter: /.*/, namespace: 'lazy-package' }, (args) => {
      if (!LAZY_PACKAGES.includes(args.path)) return undefined;
      const names = Object.keys(require(args.path) as object).sort();
      // A local name per export: an export may be a reserved word (`tar`'s `delete`).
      const stand = (name: string, index: number) =>
        `const export${index} = standIn(${JSON.stringify(name)});\nexport { export${index} as ${name} };`;
      return {
        contents: [
          'let loaded;',
          `const load = () => (loaded ??= require(${JSON.stringify(args.path)}));`,
          'const standIn = (name) =>',
          '  new Proxy(function () {}, {',
          '    get: (_, key) => load()[name][key],',
          '    apply: (_, self, args) => Reflect.apply(load()[name], self, args),',
          '    construct: (_, args) => Reflect.construct(load()[name], args),',
          '  });',
          ...names.filter((name) => /^[A-Za-z_$][\w$]*$/.test(name)).map(stand),
          '',
        ].join('\n'),
        resolveDir: ROOT,
        loader: 'js',
      };
    });
  },
};

/** The version src/version.ts reports: a constant in the bundle, not the whole package.json. */
const { version } = JSON.parse(await readFile(path.join(ROOT, 'package.json'), 'utf8')) as {
  version: string;
};
const define = { __KPG_VERSION__: JSON.stringify(version) };

// Some bundled CommonJS dependencies call require() for Node built-ins.
const requireShim =
  "import { createRequire as __kpgCreateRequire } from 'node:module';\nconst require = __kpgCreateRequire(import.meta.url);";

// A CommonJS bundle has require() but no import.meta.url. Its import() of the files beside it goes
// through __kpgImport, which scripts/cli-bin.ts passes in: an import() in code that node:vm
// compiled needs an experimental option. Loaded as a plain module, the bundle imports them itself.
const commonJsBanner = [
  "var __kpgModuleUrl = require('node:url').pathToFileURL(__filename).href;",
  'var __kpgImport = __kpgImport || ((specifier) => import(new URL(specifier, __kpgModuleUrl).href));',
].join('\n');
const BESIDE_IMPORTS = [`import("./${SHELL_PARSER}")`, `import("./${KUBE_CLIENT}")`];

/** Bundles `entry` (relative to the repository) into `outfile`: an ES module, or a CommonJS
 *  script (no top-level await then). */
export async function bundle(
  entry: string,
  outfile: string,
  format: 'esm' | 'cjs' = 'esm',
): Promise<void> {
  await build({
    absWorkingDir: ROOT,
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format,
    target: 'node22',
    banner: { js: format === 'esm' ? requireShim : commonJsBanner },
    plugins: [rawText, separateShellParser, separateKubeClient, lazyPackages],
    define: format === 'esm' ? define : { ...define, 'import.meta.url': '__kpgModuleUrl' },
    legalComments: 'eof',
    logLevel: 'warning',
  });
  let text = await readFile(path.resolve(ROOT, outfile), 'utf8');
  if (format === 'cjs') {
    for (const call of BESIDE_IMPORTS) {
      if (text.split(call).length !== 2) throw new Error(`${outfile}: expected one ${call}`);
      text = text.replace(call, call.replace('import(', '__kpgImport('));
    }
  }
  // esbuild escapes non-ASCII characters in strings but not in regular expressions (cel-js's
  // /µs/): one such character and V8 holds the whole bundle's source as a two-byte string, some
  // 2 MB more in every run. An escape means the same in a regular expression (beyond the BMP:
  // each surrogate, as a regular expression without `u` reads them).
  text = text.replace(
    /[\u0080-\uffff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  await writeFile(path.resolve(ROOT, outfile), text);
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

/** Bundles the CLI: src/cli.ts as a CommonJS script, `cli-main.cjs` beside `outfile`, and
 *  scripts/cli-bin.ts, which runs it from V8's code cache, as `outfile` (executable). */
export async function bundleCli(outfile: string): Promise<void> {
  await bundle('src/cli.ts', path.join(path.dirname(outfile), 'cli-main.cjs'), 'cjs');
  await build({
    absWorkingDir: ROOT,
    entryPoints: ['scripts/cli-bin.ts'],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    banner: { js: '#!/usr/bin/env node' },
    logLevel: 'warning',
  });
  await chmod(path.resolve(ROOT, outfile), 0o755);
}
