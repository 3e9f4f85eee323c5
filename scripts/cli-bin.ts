// The CLI's bin (bundled as dist/cli.js): loads the CLI's bundle (dist/cli-main.cjs) from V8's
// code cache and calls its run() with the process's arguments. The cache is made when the CLI
// exits, so it holds every function the run compiled; Node's own compile cache
// (module.enableCompileCache) keeps only the code compiled before the bundle's first line runs,
// and every function a scan calls was compiled again at each start.
// The cache is one file per Node.js version and bundle content (and one for the shell parser,
// once a scan has loaded it), the 8 newest kept, in a folder of this user's only under the
// system's temporary folder; anything wrong with it (absent, another user's,
// unreadable, rejected by V8, a read-only file system) only means the CLI compiles as usual.
// NODE_DISABLE_COMPILE_CACHE turns it off, as it does Node's.
import {
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import vm from 'node:vm';
import zlib from 'node:zlib';

const MAIN = fileURLToPath(new URL('./cli-main.cjs', import.meta.url));
const require = createRequire(MAIN);

type CommonJsModule = (
  exports: object,
  require: NodeJS.Require,
  module: { exports: object },
  filename: string,
  dirname: string,
  importBeside?: (specifier: string) => Promise<unknown>,
) => void;

/** The shell parser beside the bundle: 1.5 MB of GopherJS that took ~100 ms to compile, as
 *  much as the rest of a small scan; from the code cache too once a run has loaded it. */
const SHELL_PARSER = fileURLToPath(new URL('./mvdan-sh.cjs', import.meta.url));

/** import() for the bundle (scripts/bundle.ts): the shell parser and the Kubernetes client. */
const importBeside = async (specifier: string) => {
  const url = new URL(specifier, pathToFileURL(MAIN));
  if (fileURLToPath(url) === SHELL_PARSER && compiled) {
    try {
      const { run, save } = compileCached(SHELL_PARSER);
      const module = { exports: {} };
      // As Node runs a CommonJS module: `this` is its exports.
      run.call(
        module.exports,
        module.exports,
        createRequire(SHELL_PARSER),
        module,
        SHELL_PARSER,
        path.dirname(SHELL_PARSER),
      );
      saves.push(save);
      return { default: module.exports };
    } catch {
      // As a plain module, below.
    }
  }
  return import(url.href);
};

/** The folder of this user's caches, or undefined when it is not safely this user's. */
function cacheFolder(): string | undefined {
  const uid = process.getuid?.();
  const folder = path.join(os.tmpdir(), `kube-policy-gate-v8-cache-${uid ?? 'user'}`);
  let info = lstatSync(folder, { throwIfNoEntry: false });
  if (!info) {
    try {
      // Not `recursive`: the temporary folder exists or there is no cache.
      mkdirSync(folder, { mode: 0o700 });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') return undefined;
    }
    info = lstatSync(folder);
  }
  // Another user's folder (or a link to one) in a shared temporary folder could hold code.
  if (!info.isDirectory() || (uid !== undefined && (info.uid !== uid || info.mode & 0o022))) {
    return undefined;
  }
  return folder;
}

/** A CommonJS file compiled as its module function, from the cache when it has it; `save`
 *  writes the cache (at exit: then it holds every function the run compiled). */
function compileCached(file: string): { run: CommonJsModule; save: () => void } {
  const bytes = readFileSync(file);
  const source = bytes.toString('utf8');
  const folder = process.env.NODE_DISABLE_COMPILE_CACHE ? undefined : cacheFolder();
  const key = `${path.basename(file)}-${process.version}-${process.arch}-${zlib.crc32(bytes).toString(16)}-${bytes.length}`;
  const cache = folder && path.join(folder, key);
  let cachedData: Buffer | undefined;
  try {
    if (cache) cachedData = readFileSync(cache);
  } catch {
    // Not cached yet.
  }
  // Node's wrapper for a CommonJS module, so the file runs as it would unwrapped.
  const script = new vm.Script(
    `(function (exports, require, module, __filename, __dirname, __kpgImport) {${source}\n})`,
    { filename: file, cachedData },
  );
  const save = () => {
    if (!cache || (cachedData && !script.cachedDataRejected)) return;
    // Written under the flag the bundle is compiled under (below), whatever ran.
    setFlagsFromString(`--semi-space-growth-factor=${SCAN_GROWTH_FACTOR}`);
    try {
      const partial = `${cache}.${process.pid}`;
      writeFileSync(partial, script.createCachedData(), { mode: 0o600 });
      renameSync(partial, cache);
      pruneCaches(folder);
    } catch {
      // A read-only or full file system: the next run compiles again.
    }
  };
  return { run: script.runInThisContext() as CommonJsModule, save };
}

/** Caches kept: each build or Node.js version writes new ones (about 1-1.5 MB each). */
const KEPT_CACHES = 8;

/** All but the `KEPT_CACHES` most recently written caches removed (a miss writes one). */
function pruneCaches(folder: string): void {
  const written = readdirSync(folder).map((name) => {
    const file = path.join(folder, name);
    return { file, mtime: lstatSync(file).mtimeMs };
  });
  written.sort((a, b) => b.mtime - a.mtime);
  for (const { file } of written.slice(KEPT_CACHES)) rmSync(file, { force: true });
}

// V8 rejects code cached under other flags: the scan sets this one (src/engine.ts), so the bundle
// compiles under it too, or every cache written at exit would be refused at the next start. V8
// checks the flags only then: until the scan starts, its default lets the young generation grow
// as it would in the bench's child. (Held from the very start, it stays at its first 1 MB and a
// large scan promotes nearly all it allocates: some 50 MB more at the peak.)
const SCAN_GROWTH_FACTOR = 1;
const DEFAULT_GROWTH_FACTOR = 2;
setFlagsFromString(`--semi-space-growth-factor=${SCAN_GROWTH_FACTOR}`);

/** What src/cli.ts exports: the CLI, resolving to the exit code (it never rejects). */
interface Cli {
  run(argv: string[]): Promise<number>;
}

/** The caches to write at exit. */
const saves: Array<() => void> = [];
let compiled: ReturnType<typeof compileCached> | undefined;
try {
  // An older Node.js runs the bundle as it is, whose first lines say which Node.js it needs.
  if (Number(process.versions.node.split('.')[0]) >= 22) compiled = compileCached(MAIN);
} catch {
  // No cache: the bundle as a plain module.
}
setFlagsFromString(`--semi-space-growth-factor=${DEFAULT_GROWTH_FACTOR}`);
let cli: Cli;
if (compiled) {
  saves.push(compiled.save);
  process.once('exit', () => {
    for (const save of saves) save();
  });
  const module = { exports: {} };
  compiled.run(module.exports, require, module, MAIN, path.dirname(MAIN), importBeside);
  cli = module.exports as Cli;
} else {
  cli = require(MAIN) as Cli;
}
// The exit code as the code the run resolves to, set rather than exited with so that stdout
// and stderr are written out first.
process.exitCode = await cli.run(process.argv.slice(2));
