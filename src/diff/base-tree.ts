// What a base commit has that head does not: the paths whose content differs between head's work
// tree and the base commit, and a temp dir holding only those paths (and the whole tree of every
// chart they touch) as the base has them, read from git's object store. A base scan then reads
// what changed and reuses head's results for the rest. No value from the repository reaches git
// as an option: the ref is checked and ends the options, paths travel as object ids. Blobs are
// read raw (`cat-file --batch`), never checked out: a checkout runs the filters and hooks the
// repository configures (src/diff/git.ts).
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { displayName } from '../sources/discover.js';
import type { Git } from './git.js';

/** A ref as a user or the Action gives it: not an option, no control characters. */
export function checkedRef(ref: string): string {
  const control = [...ref].some((char) => char.charCodeAt(0) <= 0x20 || char === '\x7f');
  if (!ref || ref.startsWith('-') || control)
    throw new Error(`not a usable git ref: ${JSON.stringify(ref)}`);
  return ref;
}

/**
 * The commit `ref` names. A shallow checkout (actions/checkout's default depth 1) lacks the
 * base commit: it is fetched with depth 1 first.
 */
export async function resolveBase(git: Git, ref: string): Promise<string> {
  checkedRef(ref);
  const resolve = (name: string) =>
    git
      .run(['rev-parse', '--verify', '--quiet', '--end-of-options', `${name}^{commit}`])
      .then((out) => out.toString('utf8').trim());
  const sha = await resolve(ref).catch(() => '');
  if (sha) return sha;
  await git
    .run(['fetch', '--no-tags', '--depth=1', 'origin', '--end-of-options', ref])
    .catch((error: { stderr?: Buffer | string }) => {
      const detail = String(error.stderr ?? error)
        .trim()
        .split('\n')
        .pop();
      throw new Error(`cannot fetch base ${ref}: ${detail}`);
    });
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
  git: Git,
  sha: string,
): Promise<BaseDifference | { unsupported: string }> {
  // All three list paths relative to the root and only under it.
  const [diff, untracked, tree] = await Promise.all([
    git.run([
      'diff',
      '--no-renames',
      '--no-ext-diff',
      '--name-only',
      '-z',
      '--relative',
      sha,
      '--',
    ]),
    git.run(['ls-files', '--others', '-z']),
    git.run(['ls-tree', '-r', '-z', '--end-of-options', sha]),
  ]);
  const files = new Map<string, BaseEntry>();
  for (const { mode, oid, file } of treeEntries(tree)) {
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
  git: Git,
  files: ReadonlyMap<string, BaseEntry>,
  paths: readonly string[],
): Promise<BaseFiles> {
  const wanted = paths.filter((file) => files.has(file));
  return writeTree(
    git,
    wanted.map((file) => ({ ...files.get(file)!, name: Buffer.from(file) })),
  );
}

/**
 * The whole tree of commit `sha` under the root (paths relative to it) in a new temp dir, as a
 * checkout would write it but from the raw blobs: links as links, a submodule as an empty folder.
 */
export async function materialiseTree(git: Git, sha: string): Promise<BaseFiles> {
  const tree = await git.run(['ls-tree', '-r', '-z', '--end-of-options', sha]);
  return writeTree(
    git,
    [...treeEntries(tree)].map(({ mode, oid, file }) => ({
      mode,
      oid,
      name: Buffer.from(file, 'latin1'),
    })),
  );
}

/** `ls-tree -r -z` lines, names as latin1 strings of their bytes. Names git itself would not
 *  check out (`..`, `.git`, empty parts) are left out: they could lead outside the folder. */
function* treeEntries(tree: Buffer): Generator<BaseEntry & { file: string }> {
  for (const line of split(tree)) {
    const tab = line.indexOf('\t');
    const [mode, , oid] = line.slice(0, tab).split(' ');
    const file = line.slice(tab + 1);
    const unsafe = file
      .split('/')
      .some(
        (part) => part === '' || part === '.' || part === '..' || part.toLowerCase() === '.git',
      );
    if (!unsafe) yield { mode: mode!, oid: oid!, file };
  }
}

async function writeTree(
  git: Git,
  entries: ReadonlyArray<BaseEntry & { name: Buffer }>,
): Promise<BaseFiles> {
  const dir = await mkdtemp(path.join(tmpdir(), 'kube-policy-gate-base-'));
  const remove = () => rm(dir, { recursive: true, force: true });
  try {
    // Names are bytes (not every name is UTF-8): paths are built as bytes too.
    const target = (name: Buffer) => Buffer.concat([Buffer.from(`${dir}/`), name]);
    const parentOf = (file: Buffer) => file.subarray(0, file.lastIndexOf(0x2f));
    const blobs = entries.filter((entry) => entry.mode !== '160000');
    for (const entry of entries) {
      if (entry.mode === '160000') await mkdir(target(entry.name), { recursive: true });
    }
    let index = 0;
    for await (const content of catBlobs(
      git,
      blobs.map((entry) => entry.oid),
    )) {
      const { mode, name } = blobs[index++]!;
      const file = target(name);
      await mkdir(parentOf(file), { recursive: true });
      if (mode === '120000') await symlink(content, file);
      else await writeFile(file, content, { mode: mode === '100755' ? 0o755 : 0o644 });
    }
  } catch (error) {
    await remove();
    throw error;
  }
  return { dir, remove };
}

/** The contents of blobs, in order, from one `git cat-file --batch` (no filters run), each
 *  yielded as soon as it has arrived: a big tree is never in memory whole. */
async function* catBlobs(git: Git, oids: readonly string[]): AsyncGenerator<Buffer> {
  if (oids.length === 0) return;
  const child = git.spawn(['cat-file', '--batch']);
  const exited = new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', resolve);
  });
  exited.catch(() => undefined); // awaited below
  child.stdin.on('error', () => undefined); // a git that stopped early: its exit code says why
  child.stdin.end(oids.map((oid) => `${oid}\n`).join(''));
  let index = 0;
  try {
    let pending = Buffer.alloc(0);
    const arrived: Buffer[] = [];
    let arrivedBytes = 0;
    // Bytes pending must reach before the next blob (or header) is complete.
    let needed = 0;
    for await (const chunk of child.stdout as AsyncIterable<Buffer>) {
      arrived.push(chunk);
      arrivedBytes += chunk.length;
      if (pending.length + arrivedBytes < needed) continue;
      pending = Buffer.concat([pending, ...arrived]);
      arrived.length = 0;
      arrivedBytes = 0;
      while (index < oids.length) {
        const end = pending.indexOf(10);
        if (end < 0) {
          needed = pending.length + 1;
          break;
        }
        const [oid, type, size] = pending.subarray(0, end).toString().split(' ');
        if (oid !== oids[index] || type !== 'blob') {
          throw new Error(`git cat-file: no blob ${oids[index]}`);
        }
        const total = end + 1 + Number(size) + 1;
        if (pending.length < total) {
          needed = total;
          break;
        }
        yield pending.subarray(end + 1, total - 1);
        pending = pending.subarray(total);
        needed = 0;
        index++;
      }
    }
    const code = await exited;
    if (code !== 0) throw new Error(`git cat-file exited with ${code}`);
    if (index < oids.length) throw new Error(`git cat-file: no blob ${oids[index]}`);
  } finally {
    if (child.exitCode === null) child.kill();
  }
}
