// What a base commit has that head does not: the paths whose content differs between head's work
// tree and the base commit, and a temp dir holding only those paths (and the whole tree of every
// chart they touch) as the base has them, read from git's object store. A base scan then reads
// what changed and reuses head's results for the rest. No value from the repository reaches git
// as an option: the ref is checked and ends the options, paths travel as object ids.
import { execFile, spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { displayName } from '../sources/discover.js';

const run = promisify(execFile);
const MAX_BUFFER = 256 * 1024 * 1024;

/** A ref as a user or the Action gives it: not an option, no control characters. */
export function checkedRef(ref: string): string {
  const control = [...ref].some((char) => char.charCodeAt(0) <= 0x20 || char === '\x7f');
  if (!ref || ref.startsWith('-') || control)
    throw new Error(`not a usable git ref: ${JSON.stringify(ref)}`);
  return ref;
}

function git(root: string, args: string[]): Promise<Buffer> {
  return run('git', args, { cwd: root, maxBuffer: MAX_BUFFER, encoding: 'buffer' }).then(
    ({ stdout }) => stdout,
  );
}

/**
 * The commit `ref` names. A shallow checkout (actions/checkout's default depth 1) lacks the
 * base commit: it is fetched with depth 1 first.
 */
export async function resolveBase(root: string, ref: string): Promise<string> {
  checkedRef(ref);
  const resolve = (name: string) =>
    git(root, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${name}^{commit}`]).then(
      (out) => out.toString('utf8').trim(),
    );
  const sha = await resolve(ref).catch(() => '');
  if (sha) return sha;
  await git(root, ['fetch', '--no-tags', '--depth=1', 'origin', '--end-of-options', ref]).catch(
    (error: { stderr?: Buffer | string }) => {
      const detail = String(error.stderr ?? error)
        .trim()
        .split('\n')
        .pop();
      throw new Error(`cannot fetch base ${ref}: ${detail}`);
    },
  );
  return resolve('FETCH_HEAD');
}

/** A file of the base commit (under the scan root): its git mode and blob id. */
export interface BaseEntry {
  mode: string;
  oid: string;
}

export interface BaseDifference {
  /** Root-relative paths whose content differs: added, deleted, modified, untracked in head. */
  changed: Set<string>;
  /** The base commit's files under the root, by root-relative path. */
  files: Map<string, BaseEntry>;
}

const split = (out: Buffer) =>
  out.length
    ? out
        .subarray(0, out.at(-1) === 0 ? -1 : undefined)
        .toString('latin1')
        .split('\0')
    : [];
const shown = (latin1: string) => displayName(Buffer.from(latin1, 'latin1'));
const isUtf8Shown = (latin1: string) => shown(latin1) === Buffer.from(latin1, 'latin1').toString();

/**
 * How head's work tree differs from the base commit, or why that cannot be told path by path
 * (then the caller checks out the whole base): a symlink or submodule in the base (a link's
 * content is another file's), or a name that is not UTF-8.
 */
export async function baseDifference(
  root: string,
  sha: string,
): Promise<BaseDifference | { unsupported: string }> {
  // All three list paths relative to the root and only under it.
  const [diff, untracked, tree] = await Promise.all([
    git(root, [
      'diff',
      '--no-renames',
      '--no-ext-diff',
      '--name-only',
      '-z',
      '--relative',
      sha,
      '--',
    ]),
    git(root, ['ls-files', '--others', '-z']),
    git(root, ['ls-tree', '-r', '-z', '--end-of-options', sha]),
  ]);
  const files = new Map<string, BaseEntry>();
  for (const line of split(tree)) {
    const tab = line.indexOf('\t');
    const [mode, , oid] = line.slice(0, tab).split(' ');
    const file = line.slice(tab + 1);
    if (mode === '120000' || mode === '160000') {
      return { unsupported: `${shown(file)} is a ${mode === '120000' ? 'symlink' : 'submodule'}` };
    }
    if (!isUtf8Shown(file)) return { unsupported: `${shown(file)} is not a UTF-8 name` };
    files.set(Buffer.from(file, 'latin1').toString(), { mode, oid });
  }
  const changed = new Set<string>();
  for (const file of [...split(diff), ...split(untracked)]) {
    if (!isUtf8Shown(file)) return { unsupported: `${shown(file)} is not a UTF-8 name` };
    const name = Buffer.from(file, 'latin1').toString();
    // Never scanned (discovery skips them), and an untracked node_modules can be huge.
    if (!name.split('/').some((part) => part === 'node_modules' || part === '.git')) {
      changed.add(name);
    }
  }
  return { changed, files };
}

export interface BaseFiles {
  dir: string;
  remove(): Promise<void>;
}

/** Writes the base commit's blobs of `paths` under a new temp dir, by object id. */
export async function materialise(
  root: string,
  files: ReadonlyMap<string, BaseEntry>,
  paths: readonly string[],
): Promise<BaseFiles> {
  const dir = await mkdtemp(path.join(tmpdir(), 'kube-policy-gate-base-'));
  const remove = () => rm(dir, { recursive: true, force: true });
  try {
    const wanted = paths.filter((file) => files.has(file));
    const blobs = await catBlobs(
      root,
      wanted.map((file) => files.get(file)!.oid),
    );
    for (const [index, file] of wanted.entries()) {
      const target = path.join(dir, ...file.split('/'));
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, blobs[index], {
        mode: files.get(file)!.mode === '100755' ? 0o755 : 0o644,
      });
    }
  } catch (error) {
    await remove();
    throw error;
  }
  return { dir, remove };
}

/** The contents of blobs, in order, from one `git cat-file --batch`. */
function catBlobs(root: string, oids: readonly string[]): Promise<Buffer[]> {
  if (oids.length === 0) return Promise.resolve([]);
  return new Promise((resolve, reject) => {
    const child = spawn('git', ['cat-file', '--batch'], { cwd: root, stdio: 'pipe' });
    const chunks: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`git cat-file exited with ${code}`));
      const out = Buffer.concat(chunks);
      const blobs: Buffer[] = [];
      let at = 0;
      for (const oid of oids) {
        const end = out.indexOf(10, at);
        const header = out.subarray(at, end).toString().split(' ');
        if (header[0] !== oid || header[1] !== 'blob') {
          return reject(new Error(`git cat-file: no blob ${oid}`));
        }
        const size = Number(header[2]);
        blobs.push(out.subarray(end + 1, end + 1 + size));
        at = end + 1 + size + 1;
      }
      resolve(blobs);
    });
    child.stdin.end(oids.map((oid) => `${oid}\n`).join(''));
  });
}
