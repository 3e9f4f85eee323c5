// The same finding from several kustomization roots is reported once, listing the roots.
//
// Why: overlays share their base and components, so a privileged container in the base would
// otherwise be reported once per overlay, as that many annotations on the same line. Findings
// are "the same" when rule, place (file and line), source, container, kind and message agree,
// the message read with the resource's name left out (overlays often prefix names). The kept
// finding is the one of the first root in name order, whatever order the roots rendered in, and
// its fingerprint names no root: the rule, the file to fix, the kind, the container and the
// message without the name (line numbers left out, as for every fingerprint).
import { hash } from 'node:crypto';
import type { Finding } from '../../model.js';

export function mergeAcrossOverlays(findings: readonly Finding[]): readonly Finding[] {
  // Nothing from an overlay: the list itself (see mergeAcrossValuesSets).
  if (!findings.some((finding) => finding.overlay !== undefined)) return findings;
  const groups = new Map<string, Finding[]>();
  const order: (Finding | string)[] = [];
  for (const finding of findings) {
    if (finding.overlay === undefined) {
      order.push(finding);
      continue;
    }
    const message = withoutName(finding);
    const key = JSON.stringify([
      finding.ruleId,
      finding.file,
      finding.line,
      finding.source,
      finding.container ?? null,
      finding.resource?.kind ?? null,
      message,
    ]);
    const group = groups.get(key);
    if (group) group.push(finding);
    else {
      groups.set(key, [finding]);
      order.push(key);
    }
  }
  return order.map((entry) => (typeof entry === 'string' ? merged(groups.get(entry)!) : entry));
}

function merged(group: readonly Finding[]): Finding {
  const overlays = [...new Set(group.map((finding) => finding.overlay!))].sort();
  const first = group.find((finding) => finding.overlay === overlays[0])!;
  const identity = JSON.stringify([
    'kustomize',
    first.ruleId,
    first.file,
    first.resource?.kind ?? '',
    first.container ?? '',
    withoutName(first),
  ]);
  return { ...first, overlays, fingerprint: hash('sha256', identity, 'hex').slice(0, 32) };
}

function withoutName(finding: Finding): string {
  const name = finding.resource?.name;
  return name ? finding.message.split(`'${name}'`).join("'…'") : finding.message;
}
