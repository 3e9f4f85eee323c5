// Reading ConfigMap `data` for the KSV0109/KSV01010 secret and sensitive-content checks.
import type { K8sResource } from '../../../sources/resource.js';
import { isObject } from '../../../sources/resource.js';

/** The string entries of a ConfigMap's `data` (the rules' `kinds` keep other resources away). */
export function configMapData(resource: K8sResource): Array<[string, string]> {
  const data = resource.object.data;
  if (!isObject(data)) return [];
  return Object.entries(data).filter(
    (entry): entry is [string, string] => typeof entry[1] === 'string',
  );
}

export function configMapLabel(resource: K8sResource): string {
  return `ConfigMap '${resource.ref.name}' in '${resource.ref.namespace ?? 'default'}' namespace`;
}
