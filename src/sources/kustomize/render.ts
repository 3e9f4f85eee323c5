// Running the real kustomize, fenced in: `kustomize build` when it is on PATH, else
// `kubectl kustomize`, on the kustomizations a scan renders where they are when they hold only
// folders and regular files, else on a temporary copy (nothing is written into the repository
// and no symlink leading out of it is followed), with a minimal
// environment (temp HOME, KUBECONFIG at an empty file, no PATH so no `git` for remote bases,
// proxies pointing at a closed port so nothing is fetched over HTTP, Go's garbage collector off
// below a memory limit as for helm: GO_RUN_GC), kustomize's defaults for
// plugins, exec functions, Helm and the load restrictor (all off / root only), and no value
// from the pull request on the command line: the only argument is our own temp directory.
import { execFile } from 'node:child_process';
import { realpathSync, statSync } from 'node:fs';
import {
  copyFile,
  lstat,
  mkdir,
  mkdtemp,
  readdir,
  realpath,
  rm,
  writeFile,
} from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ScanError } from '../../model.js';
import { MAX_FILE_BYTES } from '../load.js';
import { isPlainTree } from '../plain-tree.js';
import { findExecutable, GO_RUN_GC, type ToolEnvironment } from '../tools.js';

export interface KustomizeBinary {
  command: string;
  /** Arguments before the directory: `['build']` or `['kustomize']`. */
  args: string[];
}

export type BuildResult = { ok: true; output: string } | { ok: false; error: string };

const MAX_OUTPUT_BYTES = 512 * 1024 * 1024;
const MAX_ERROR_LENGTH = 1000;
const CLOSED_PORT_PROXY = 'http://127.0.0.1:9';
const SKIPPED = new Set(['.git', 'node_modules']);

/** `kustomize` on the search path, else `kubectl` (whose `kustomize` subcommand is the same
 *  code). The search path has no relative folder, so a pull request's own binary never runs. */
export async function findKustomize(
  tools: ToolEnvironment = {},
): Promise<KustomizeBinary | undefined> {
  const kustomize = await findExecutable(tools.searchPath, 'kustomize');
  if (kustomize) return { command: kustomize, args: ['build'] };
  const kubectl = await findExecutable(tools.searchPath, 'kubectl');
  return kubectl ? { command: kubectl, args: ['kustomize'] } : undefined;
}

/**
 * A temporary workspace: `tree/` mirrors the repository's kustomization directories, and each
 * root gets a wrapper kustomization under `roots/` that adds the build metadata kustomize
 * reports origins with (the repository's own files are not changed, even in the copy).
 */
export class Workspace {
  /** The repository itself, when kustomize builds where the files are (see prepare). */
  private inPlace?: string;

  private constructor(
    readonly dir: string,
    private readonly env: NodeJS.ProcessEnv,
  ) {}

  static async create(): Promise<Workspace> {
    const dir = await mkdtemp(path.join(tmpdir(), 'kpg-kustomize-'));
    const home = path.join(dir, 'home');
    await mkdir(home);
    const kubeconfig = path.join(dir, 'kubeconfig');
    await writeFile(kubeconfig, '');
    const env: NodeJS.ProcessEnv = {
      PATH: '',
      HOME: home,
      XDG_CONFIG_HOME: path.join(home, '.config'),
      XDG_CACHE_HOME: path.join(home, '.cache'),
      XDG_DATA_HOME: path.join(home, '.local/share'),
      KUBECONFIG: kubeconfig,
      KUSTOMIZE_PLUGIN_HOME: path.join(home, 'plugins'),
      HTTP_PROXY: CLOSED_PORT_PROXY,
      HTTPS_PROXY: CLOSED_PORT_PROXY,
      http_proxy: CLOSED_PORT_PROXY,
      https_proxy: CLOSED_PORT_PROXY,
      NO_PROXY: '',
      no_proxy: '',
      ...GO_RUN_GC,
    };
    return new Workspace(dir, env);
  }

  /** Where kustomize reads the kustomizations: the copy, or the repository (prepare). */
  get tree(): string {
    return this.inPlace ?? path.join(this.dir, 'tree');
  }

  /**
   * Makes the tree for the given repository-relative directories: the repository itself when
   * they hold only folders and regular files within the size bound, reached without a symlink
   * (a copy would be the same; kustomize's load restrictor keeps each build in its folders),
   * else a copy (see copy). Copying a repository's kustomizations cost CPU at every scan.
   */
  async prepare(root: string, dirs: readonly string[]): Promise<ScanError[]> {
    const realRoot = realpathSync(root);
    const plain = (dir: string) =>
      isPlainTree(path.join(realRoot, dir), {
        refused: SKIPPED,
        acceptFile: (file) => statSync(file).size <= MAX_FILE_BYTES,
      });
    if (topmostOf(dirs).every(plain)) {
      this.inPlace = realRoot;
      return [];
    }
    return this.copy(root, dirs);
  }

  /**
   * Copies the given repository-relative directories (recursively) into the tree. Symlinks are
   * resolved: one inside the repository is copied as what it points at, one leading out is
   * skipped and reported; FIFOs, devices and oversized files are skipped.
   */
  async copy(root: string, dirs: readonly string[]): Promise<ScanError[]> {
    const errors: ScanError[] = [];
    const realRoot = await realpath(root);
    const inside = (real: string) => real === realRoot || real.startsWith(realRoot + path.sep);
    const topmost = topmostOf(dirs);
    const copyDir = async (relative: string, ancestors: Set<string>): Promise<void> => {
      const real = await realpath(path.join(root, relative));
      if (ancestors.has(real)) return; // a symlink loop
      const within = new Set(ancestors).add(real);
      await mkdir(path.join(this.tree, relative), { recursive: true });
      for (const entry of await readdir(real, { withFileTypes: true })) {
        if (SKIPPED.has(entry.name)) continue;
        const child = relative === '.' ? entry.name : `${relative}/${entry.name}`;
        const source = path.join(real, entry.name);
        let target = source;
        if (entry.isSymbolicLink()) {
          try {
            target = await realpath(source);
          } catch {
            continue; // broken link: kustomize reports what it cannot find
          }
          if (!inside(target)) {
            errors.push({
              file: child,
              message: 'symlink points outside the repository; not followed',
              level: 'warning',
            });
            continue;
          }
        }
        const info = await lstat(target);
        if (info.isDirectory()) await copyDir(child, within);
        else if (info.isFile() && info.size <= MAX_FILE_BYTES) {
          await copyFile(target, path.join(this.tree, child));
        }
      }
    };
    for (const dir of topmost) {
      try {
        await copyDir(dir, new Set());
      } catch (error) {
        errors.push({
          file: dir,
          message: `cannot copy for kustomize: ${(error as NodeJS.ErrnoException).code ?? error}`,
        });
      }
    }
    return errors;
  }

  /** The wrapper kustomization of root number `index` (a repository-relative directory). */
  async wrap(index: number, rootDir: string): Promise<string> {
    const wrapper = path.join(this.dir, 'roots', String(index));
    await mkdir(wrapper, { recursive: true });
    const target = path.relative(wrapper, path.join(this.tree, rootDir)).split(path.sep).join('/');
    // JSON is YAML: the path is quoted whatever characters the directory name has.
    const text = [
      'apiVersion: kustomize.config.k8s.io/v1beta1',
      'kind: Kustomization',
      `resources: [${JSON.stringify(target)}]`,
      'buildMetadata: [originAnnotations, transformerAnnotations]',
      '',
    ].join('\n');
    await writeFile(path.join(wrapper, 'kustomization.yaml'), text);
    return wrapper;
  }

  /** The repository-relative path of a path kustomize printed relative to `wrapper`. */
  repositoryPath(wrapper: string, printed: string): string | undefined {
    const relative = path.relative(this.tree, path.resolve(wrapper, printed));
    if (relative.startsWith('..') || path.isAbsolute(relative)) return undefined;
    return relative.split(path.sep).join('/') || '.';
  }

  build(binary: KustomizeBinary, wrapper: string, timeoutMs: number): Promise<BuildResult> {
    return new Promise((resolve) => {
      execFile(
        binary.command,
        [...binary.args, wrapper],
        {
          cwd: this.dir,
          env: this.env,
          timeout: timeoutMs,
          maxBuffer: MAX_OUTPUT_BYTES,
          windowsHide: true,
          encoding: 'utf8',
        },
        (error, stdout, stderr) => {
          if (!error) return resolve({ ok: true, output: stdout });
          const failure = error as NodeJS.ErrnoException & { killed?: boolean };
          if (failure.killed) {
            const seconds = Math.round(timeoutMs / 1000);
            return resolve({ ok: false, error: `kustomize timed out after ${seconds}s` });
          }
          resolve({ ok: false, error: this.message(stderr) || failure.message });
        },
      );
    });
  }

  /** kustomize's message without its `Error:` prefix, temp paths shown repository-relative. */
  private message(stderr: string): string {
    let message = stderr
      .trim()
      .replace(/^(?:Error|error):\s*/, '')
      .split(this.tree + path.sep)
      .join('')
      .split(this.tree)
      .join('.')
      .split(this.dir + path.sep)
      .join('')
      // The wrapper names its root `../../tree/<dir>` (or the repository, relative to it).
      .split(
        `${path
          .relative(path.join(this.dir, 'roots', '0'), this.tree)
          .split(path.sep)
          .join('/')}/`,
      )
      .join('')
      .replace(/(?:\.\.\/)+tree\//g, '');
    if (message.length > MAX_ERROR_LENGTH) {
      message = `${message.slice(0, MAX_ERROR_LENGTH / 2)} … ${message.slice(-MAX_ERROR_LENGTH / 2)}`;
    }
    return message;
  }

  async remove(): Promise<void> {
    await rm(this.dir, { recursive: true, force: true });
  }
}

function contains(parent: string, child: string): boolean {
  return parent === '.' || child.startsWith(`${parent}/`);
}

/** The directories not inside another of them. */
function topmostOf(dirs: readonly string[]): string[] {
  return [...new Set(dirs)]
    .sort()
    .filter((dir, _, all) => !all.some((other) => other !== dir && contains(other, dir)));
}
