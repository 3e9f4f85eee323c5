// The classify stage: findings the PR introduced (`new`) versus those already on the base
// commit (`existing`), by fingerprint, so moving lines around changes nothing. Findings on the
// base that are gone from head are `fixed`.
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Finding } from '../model.js';
import { resolveBase } from './base-tree.js';

const run = promisify(execFile);

export interface BaseCheckout {
  dir: string;
  sha: string;
  remove(): Promise<void>;
}

/**
 * A detached work tree of `ref` beside the repository (resolved, or fetched, by resolveBase).
 */
export async function checkoutBase(root: string, ref: string): Promise<BaseCheckout> {
  const git = (...args: string[]) => run('git', args, { cwd: root, maxBuffer: 64 * 1024 * 1024 });
  const sha = await resolveBase(root, ref);
  const dir = await mkdtemp(path.join(tmpdir(), 'kube-policy-gate-base-'));
  await git('worktree', 'add', '--detach', '--force', dir, sha);
  return {
    dir,
    sha,
    remove: async () => {
      await git('worktree', 'remove', '--force', dir).catch(() => undefined);
      await rm(dir, { recursive: true, force: true });
    },
  };
}

export interface Classified {
  findings: Finding[];
  fixed: Finding[];
}

/** Marks each head finding new or existing; lists base findings that head no longer has. */
export function classify(
  head: readonly Finding[],
  base: readonly Finding[],
  headSuppressed: readonly Finding[] = [],
): Classified {
  const onBase = new Set(base.map((finding) => finding.fingerprint));
  const onHead = new Set([...head, ...headSuppressed].map((finding) => finding.fingerprint));
  return {
    findings: head.map((finding) => ({
      ...finding,
      status: onBase.has(finding.fingerprint) ? 'existing' : 'new',
    })),
    fixed: base.filter((finding) => !onHead.has(finding.fingerprint)),
  };
}
