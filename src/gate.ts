// The gate: a scan's findings in their reported order, counted by severity and held against the
// policy's threshold (on every finding, or with a base on the new ones only).
import {
  isAtOrAbove,
  SEVERITIES,
  type FailOn,
  type Finding,
  type ScanError,
  type Severity,
} from './model.js';
import type { Policy } from './config/policy.js';
import type { SuppressedFinding } from './suppress/suppress.js';

export interface Summary {
  total: number;
  bySeverity: Record<Severity, number>;
  suppressed: number;
  /** With a base: how many findings the change introduced. */
  new?: number;
  failOn: FailOn;
  failed: boolean;
}

export interface ScanResult {
  findings: Finding[];
  suppressed: SuppressedFinding[];
  /** With a base: findings of the base commit that head no longer has. */
  fixed?: Finding[];
  errors: ScanError[];
  summary: Summary;
}

/** What a tree's check yields: the findings to gate, those accepted, and what could not be read. */
export type Checked = Pick<ScanResult, 'findings' | 'suppressed' | 'errors'>;

export function gate(
  checked: Checked & { fixed?: Finding[] },
  { failOn, dockerfileFailOn }: Pick<Policy, 'failOn' | 'dockerfileFailOn'>,
  on: 'new' | 'all',
): ScanResult {
  const { findings, suppressed, errors, fixed } = checked;
  const bySeverity = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  for (const finding of findings) bySeverity[finding.severity]++;
  const introduced = findings.filter((finding) => finding.status === 'new');
  // hadolint's failure-threshold, when .hadolint.yaml sets one, decides for Dockerfile findings.
  const threshold = (finding: Finding) =>
    finding.source === 'dockerfile' && dockerfileFailOn ? dockerfileFailOn : failOn;
  const summary: Summary = {
    total: findings.length,
    bySeverity,
    suppressed: suppressed.length,
    ...(fixed ? { new: introduced.length } : {}),
    failOn,
    failed: (on === 'new' ? introduced : findings).some((f) =>
      isAtOrAbove(f.severity, threshold(f)),
    ),
  };
  return { findings, suppressed, ...(fixed ? { fixed } : {}), errors, summary };
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
  // Repeats are rare: the first occurrence of each fingerprint is found in an open-addressing
  // table of positions, not a Map of every fingerprint (at the scan's memory peak).
  const first = new Int32Array(2 ** Math.ceil(Math.log2(2 * sorted.length + 2))).fill(-1);
  const repeats = new Map<number, number>();
  for (let i = 0; i < sorted.length; i++) {
    const { fingerprint } = sorted[i];
    let slot = stringHash(fingerprint) & (first.length - 1);
    while (first[slot] >= 0 && sorted[first[slot]].fingerprint !== fingerprint) {
      slot = (slot + 1) & (first.length - 1);
    }
    if (first[slot] < 0) {
      first[slot] = i;
      continue;
    }
    const count = (repeats.get(slot) ?? 0) + 1;
    repeats.set(slot, count);
    sorted[i] = { ...sorted[i], fingerprint: `${fingerprint}:${count}` };
  }
  return sorted;
}

/** FNV-1a of a string's UTF-16 code units. */
function stringHash(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}
