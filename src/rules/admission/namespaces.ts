// The namespaces admission sees: Namespaces in the scanned tree (with the automatic
// kubernetes.io/metadata.name label), else the labels the policy file declares; and the namespace an object
// is created in (its own, else its chart's configured release namespace, else "default").
import type { K8sResource, KubeObject } from '../../sources/resource.js';
import { toCel } from '../cel/environment.js';
import { withApiServerDefaults } from './defaults.js';
import { labelsOf } from './selectors.js';

export interface ChartNamespaces {
  /** Per chart path, its values sets (the configured `namespace` of each). */
  get(chart: string): { valuesSets: { name: string; namespace?: string }[] } | undefined;
}

export class Namespaces {
  private readonly labelsByName = new Map<string, Record<string, string>>();
  private readonly objects = new Map<string, unknown>();

  constructor(
    resources: readonly K8sResource[],
    declared: Record<string, { labels: Record<string, string> }>,
    private readonly charts?: ChartNamespaces,
  ) {
    for (const [name, { labels }] of Object.entries(declared)) {
      const all = { ...labels, 'kubernetes.io/metadata.name': name };
      this.labelsByName.set(name, all);
      this.objects.set(
        name,
        toCel({ apiVersion: 'v1', kind: 'Namespace', metadata: { name, labels: all } }),
      );
    }
    for (const r of resources) {
      if (r.ref.kind !== 'Namespace' || r.ref.apiVersion !== 'v1' || !r.ref.name) continue;
      const object = withApiServerDefaults(r.object, undefined);
      const labels = { ...labelsOf(object), 'kubernetes.io/metadata.name': r.ref.name };
      (object.metadata as KubeObject).labels = labels;
      this.labelsByName.set(r.ref.name, labels);
      this.objects.set(r.ref.name, toCel(object));
    }
  }

  labels(name: string): Record<string, string> | undefined {
    return this.labelsByName.get(name);
  }

  /** The Namespace as a CEL value (namespaceObject), undefined when unknown. */
  object(name: string): unknown {
    return this.objects.get(name);
  }

  /** Where a namespaced object is created. */
  namespaceOf(resource: K8sResource): string {
    if (resource.ref.namespace) return resource.ref.namespace;
    const { chart, valuesSet } = resource.origin;
    const configured = chart
      ? this.charts?.get(chart)?.valuesSets.find((s) => s.name === valuesSet)?.namespace
      : undefined;
    return configured ?? 'default';
  }
}
