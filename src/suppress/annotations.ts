// Exceptions written on the resource itself, in a manifest or a Helm template:
//   metadata.annotations:
//     kube-policy-gate.io/ignore: "KSV014,no-host-network"
//     kube-policy-gate.io/ignore-reason: "reads /proc of the node by design"
// kube-linter's `ignore-check.kube-linter.io/*` and Polaris' `*-exempt` annotations are not
// honoured: their check names do not map one-to-one onto these rules, and a guessed mapping
// would silently hide findings nobody meant to accept.
import type { ScanError } from '../model.js';
import { findRuleMeta } from '../rules/index.js';
import { isObject, type K8sResource } from '../sources/resource.js';
import type { Exception } from './exception.js';

export const IGNORE_ANNOTATION = 'kube-policy-gate.io/ignore';
export const REASON_ANNOTATION = 'kube-policy-gate.io/ignore-reason';

export function annotationExceptions(
  resources: readonly K8sResource[],
  requireReason: boolean,
): { exceptions: Exception[]; warnings: ScanError[] } {
  const exceptions: Exception[] = [];
  const warnings: ScanError[] = [];
  for (const resource of resources) {
    const metadata = resource.object.metadata;
    const annotations =
      isObject(metadata) && isObject(metadata.annotations) ? metadata.annotations : undefined;
    const written = annotations?.[IGNORE_ANNOTATION];
    if (typeof written !== 'string') continue;
    const location = resource.origin.locate(['metadata', 'annotations', IGNORE_ANNOTATION]);
    const where = { file: location.file ?? resource.origin.file, line: location.line };
    const reason = annotations?.[REASON_ANNOTATION];
    if (requireReason && (typeof reason !== 'string' || reason.trim() === '')) {
      warnings.push({
        ...where,
        level: 'warning',
        message: `${IGNORE_ANNOTATION} on ${resource.ref.kind}/${resource.ref.name} has no ${REASON_ANNOTATION}; it is not applied`,
      });
      continue;
    }
    const ids = written
      .split(',')
      .map((id) => id.trim())
      .filter(Boolean);
    const ruleIds = new Set<string>();
    for (const id of ids) {
      const meta = id === '*' ? undefined : findRuleMeta(id);
      if (meta) ruleIds.add(meta.id);
      else if (id !== '*')
        warnings.push({
          ...where,
          level: 'warning',
          message: `${IGNORE_ANNOTATION}: unknown rule '${id}'`,
        });
    }
    if (!ids.includes('*') && ruleIds.size === 0) continue;
    const { kind, name, namespace } = resource.ref;
    const { chart, valuesSet, file } = resource.origin;
    exceptions.push({
      source: 'annotation',
      ...where,
      written,
      ruleIds: ids.includes('*') ? undefined : ruleIds,
      resource: { kind, name, ...(namespace ? { namespace } : {}) },
      // The same resource rendered from this chart and values set, or read from this file.
      origin: chart ? { chart, valuesSet: valuesSet ?? '' } : { file },
      ...(typeof reason === 'string' && reason.trim() ? { reason: reason.trim() } : {}),
    });
  }
  return { exceptions, warnings };
}
