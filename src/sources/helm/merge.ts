// The same finding from several values sets of a chart is reported once, listing the sets.
//
// Why merged rather than one per set: a chart with five ci/ values files would otherwise repeat
// every template-driven finding six times in the PR comment and as six annotations on the same
// line. Findings are "the same" when rule, place (file and line), message, resource, container
// and chart agree: a finding whose values line, message or resource differs between sets stays
// separate, so nothing set-specific is lost. The kept finding is the one from the first set in
// render order (`default`, then ci/ files, then configured sets); its `valuesSet` and fingerprint
// stay those of that set, and `valuesSets` lists every set it occurs in.
import type { Finding } from '../../model.js';

export function mergeAcrossValuesSets(findings: readonly Finding[]): readonly Finding[] {
  // Nothing from a chart: the list itself (a copy of a large scan's list is garbage the size of
  // the list, at the scan's peak).
  if (!findings.some((finding) => finding.chart !== undefined)) return findings;
  const merged: Finding[] = [];
  const byKey = new Map<string, Finding>();
  for (const finding of findings) {
    if (finding.chart === undefined || finding.valuesSet === undefined) {
      merged.push(finding);
      continue;
    }
    const key = JSON.stringify([
      finding.ruleId,
      finding.chart,
      finding.file,
      finding.line,
      finding.message,
      finding.resource ?? null,
      finding.container ?? null,
    ]);
    const kept = byKey.get(key);
    if (!kept) {
      const copy = { ...finding, valuesSets: [finding.valuesSet] };
      byKey.set(key, copy);
      merged.push(copy);
    } else if (!kept.valuesSets!.includes(finding.valuesSet)) {
      kept.valuesSets!.push(finding.valuesSet);
    }
  }
  return merged;
}
