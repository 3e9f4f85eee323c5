// KPG004: keys the loader saw more than once in one mapping (src/sources/yaml-load.ts). The
// finding is on the occurrence that applies, where its key is written (for a chart, the template
// line, also when a values line supplied the value: the template writes the key twice).
import type { Finding } from '../model.js';
import type { K8sResource } from '../sources/resource.js';
import { duplicateKey } from './engine-rules.js';
import { fileFinding } from './evaluate.js';

export function duplicateKeyFindings(resources: readonly K8sResource[]): Finding[] {
  const findings: Finding[] = [];
  for (const resource of resources) {
    if (!resource.duplicateKeys) continue;
    const { origin, ref } = resource;
    for (const { path, lines, overwrittenByMerge } of resource.duplicateKeys) {
      const key = String(path[path.length - 1]);
      const where = path.join('.');
      const message = overwrittenByMerge
        ? `\`${where}\` is overwritten by a later \`<<\` merge: the merged value applies (go-yaml, as kubectl and the API server read it), not the one written first`
        : `\`${key}\` is set ${lines.length} times in one mapping (\`${where}\`): kubectl's strict field validation rejects this; otherwise the last one applies`;
      const location = origin.locateKey?.(path) ?? origin.locate(path);
      const chart = origin.chart ? { chart: origin.chart, valuesSet: origin.valuesSet } : {};
      const finding = fileFinding(
        duplicateKey,
        location.file ?? origin.file,
        location.line,
        message,
        location.source ?? origin.source,
        { ...chart, resource: ref },
      );
      if (location.rendered) finding.rendered = location.rendered;
      findings.push(finding);
    }
  }
  return findings;
}
