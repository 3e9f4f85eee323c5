// Pod Security Standards policy versions. Pod Security Admission runs each check as it was at the
// namespace's pinned version (`pod-security.kubernetes.io/enforce-version: v1.N`); rule metadata names
// versions `1.N` and a check compares minors (the policy has only major version 1).
import type { CheckContext } from '../../types.js';

/** `1.19` -> 19. */
export function pssMinor(version: string): number {
  let minor = MINORS.get(version);
  if (minor === undefined) {
    const match = /^1\.(\d+)$/.exec(version);
    if (!match) throw new Error(`not a Pod Security Standards version like "1.25": ${version}`);
    minor = Number(match[1]);
    MINORS.set(version, minor);
  }
  return minor;
}

/** The minors of the versions met: checks ask for their few constants for every resource. */
const MINORS = new Map<string, number>();

/** Whether a check running in `context` runs the behaviour PSA gave it at `version` or later
 *  (without a pinned version: the newest, so always). */
export function pssAtLeast(context: CheckContext | undefined, version: string): boolean {
  return (context?.pssVersion ?? Number.POSITIVE_INFINITY) >= pssMinor(version);
}
