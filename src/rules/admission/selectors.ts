// Label selectors (matchLabels + matchExpressions), as metav1.LabelSelectorAsSelector reads them.
export interface LabelSelector {
  matchLabels?: Record<string, unknown>;
  matchExpressions?: { key?: unknown; operator?: unknown; values?: unknown }[];
}

/** undefined selector or {} matches everything; an invalid selector matches nothing. */
export function selectorMatches(selector: unknown, labels: Record<string, string>): boolean {
  if (selector === undefined || selector === null) return true;
  if (typeof selector !== 'object') return false;
  const { matchLabels, matchExpressions } = selector as LabelSelector;
  for (const [key, value] of Object.entries(matchLabels ?? {}))
    if (labels[key] !== String(value)) return false;
  for (const e of matchExpressions ?? []) {
    const key = String(e.key);
    const values = Array.isArray(e.values) ? e.values.map(String) : [];
    const has = Object.hasOwn(labels, key);
    switch (e.operator) {
      case 'In':
        if (!has || !values.includes(labels[key]!)) return false;
        break;
      case 'NotIn':
        if (has && values.includes(labels[key]!)) return false;
        break;
      case 'Exists':
        if (!has) return false;
        break;
      case 'DoesNotExist':
        if (has) return false;
        break;
      default:
        return false;
    }
  }
  return true;
}

export function isEmptySelector(selector: unknown): boolean {
  if (selector === undefined || selector === null) return true;
  const { matchLabels, matchExpressions } = selector as LabelSelector;
  return !Object.keys(matchLabels ?? {}).length && !(matchExpressions ?? []).length;
}

export function labelsOf(object: Record<string, unknown>): Record<string, string> {
  const labels = (object.metadata as { labels?: unknown } | undefined)?.labels;
  if (!labels || typeof labels !== 'object') return {};
  return Object.fromEntries(Object.entries(labels).map(([k, v]) => [k, String(v)]));
}
