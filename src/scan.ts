// The pipeline (DESIGN.md): discover -> load -> evaluate -> suppress -> gate. Each stage is a plain
// function of the previous stage's data; only src/cli.ts and src/main.ts touch the environment.
import type { Policy } from './config/policy.js';
import {
  isAtOrAbove,
  SEVERITIES,
  type FailOn,
  type Finding,
  type ScanError,
  type Severity,
} from './model.js';
import { unreadableFile } from './rules/engine-rules.js';
import { evaluateDockerfiles, evaluateResources, fileFinding } from './rules/evaluate.js';
import { discover } from './sources/discover.js';
import { loadDockerfiles, loadManifestFiles } from './sources/load.js';
import { annotationExceptions } from './suppress/annotations.js';
import { suppressFindings, type SuppressedFinding } from './suppress/suppress.js';

export interface ScanOptions {
  /** Repository root: every reported path is relative to it. */
  root: string;
  /** Paths to scan, relative to the root (default: the policy's paths, else the root). */
  paths: readonly string[];
  policy: Policy;
  /** The clock for exception expiry (tests pin it). */
  now?: Date;
}

export interface Summary {
  total: number;
  bySeverity: Record<Severity, number>;
  suppressed: number;
  failOn: FailOn;
  failed: boolean;
}

export interface ScanResult {
  findings: Finding[];
  suppressed: SuppressedFinding[];
  errors: ScanError[];
  summary: Summary;
}

export async function scan({
  root,
  paths,
  policy,
  now = new Date(),
}: ScanOptions): Promise<ScanResult> {
  const inputs = await discover(root, paths.length ? paths : policy.paths, policy.exclude);
  const manifests = await loadManifestFiles(root, inputs.manifests);
  const dockerfiles = await loadDockerfiles(root, inputs.dockerfiles);

  const unreadable = [...manifests.errors, ...dockerfiles.errors];
  const findings = sortFindings([
    ...unreadable.map((e) =>
      fileFinding(unreadableFile, e.file, e.line ?? 1, e.message, 'manifest'),
    ),
    ...evaluateResources(manifests.items, policy),
    ...evaluateDockerfiles(dockerfiles.items, policy),
  ]);

  const annotations = annotationExceptions(manifests.items, policy.requireReason);
  const accepted = suppressFindings(
    findings,
    [...policy.exceptions, ...annotations.exceptions],
    now,
  );
  const errors = [...inputs.errors, ...unreadable, ...annotations.warnings, ...accepted.warnings];
  return gate(accepted.findings, accepted.suppressed, errors, policy.failOn);
}

export function gate(
  findings: Finding[],
  suppressed: SuppressedFinding[],
  errors: ScanError[],
  failOn: FailOn,
): ScanResult {
  const bySeverity = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  for (const finding of findings) bySeverity[finding.severity]++;
  const failed = findings.some((finding) => isAtOrAbove(finding.severity, failOn));
  return {
    findings,
    suppressed,
    errors,
    summary: { total: findings.length, bySeverity, suppressed: suppressed.length, failOn, failed },
  };
}

/** Deterministic order: by file, line, rule; a repeated fingerprint gets an occurrence suffix. */
export function sortFindings(findings: Finding[]): Finding[] {
  const sorted = [...findings].sort(
    (a, b) =>
      a.file.localeCompare(b.file) ||
      a.line - b.line ||
      a.ruleId.localeCompare(b.ruleId) ||
      (a.container ?? '').localeCompare(b.container ?? '') ||
      a.message.localeCompare(b.message),
  );
  const seen = new Map<string, number>();
  return sorted.map((finding) => {
    const count = seen.get(finding.fingerprint) ?? 0;
    seen.set(finding.fingerprint, count + 1);
    return count === 0 ? finding : { ...finding, fingerprint: `${finding.fingerprint}:${count}` };
  });
}
