// The classify stage: findings the PR introduced (`new`) versus those already on the base
// commit (`existing`), by fingerprint, so moving lines around changes nothing. Findings on the
// base that are gone from head are `fixed`.
import type { Finding } from '../model.js';
import type { ToolEnvironment } from '../sources/tools.js';
import { materialiseTree, resolveBase } from './base-tree.js';
import { openGit } from './git.js';

export interface BaseCheckout {
  dir: string;
  sha: string;
  remove(): Promise<void>;
}

/**
 * The tree of `ref` (resolved, or fetched, by resolveBase) in a temp dir of its own, written from
 * git's objects: no checkout, so no filter or hook of the repository's runs.
 */
export async function checkoutBase(
  root: string,
  ref: string,
  tools: ToolEnvironment,
): Promise<BaseCheckout> {
  const git = await openGit(root, tools);
  const sha = await resolveBase(git, ref);
  const { dir, remove } = await materialiseTree(git, sha);
  return { dir, sha, remove };
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
