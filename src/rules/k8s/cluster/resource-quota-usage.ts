import { defineK8sRule } from '../../define.js';
import { isObject } from '../../../sources/resource.js';
import { firstWorkloadByNamespace, namespacePath, namespacesWith } from './namespaces.js';

const REQUIRED = ['requests.cpu', 'requests.memory', 'limits.cpu', 'limits.memory'];

export interface ResourceQuotaOptions {
  /** Also report namespaces that run workloads but have no ResourceQuota in the scanned set. */
  requirePerNamespace: boolean;
}

export const resourceQuotaUsage = defineK8sRule<ResourceQuotaOptions>({
  meta: {
    id: 'KSV040',
    name: 'resource-quota-usage',
    trivyId: 'kubernetes-resource-quota-usage',
    severity: 'low',
    title: 'resource quota usage',
    description:
      "A ResourceQuota's `spec.hard` must set `requests.cpu`, `requests.memory`, `limits.cpu` and `limits.memory`. With the option `requirePerNamespace: true`, every namespace of the scanned set that runs workloads must also have a ResourceQuota; that finding is placed on the namespace's first workload.",
    rationale:
      'A quota caps what one namespace can take from the cluster in total, so a runaway deployment or a compromised tenant cannot exhaust it.',
    fix: "```yaml\nkind: ResourceQuota\nspec:\n  hard:\n    requests.cpu: '4'\n    requests.memory: 8Gi\n    limits.cpu: '8'\n    limits.memory: 16Gi\n```",
    references: ['https://kubernetes.io/docs/concepts/policy/resource-quotas/'],
  },
  options: {
    requirePerNamespace: {
      type: 'boolean',
      default: false,
      description:
        'Also report namespaces that run workloads but have no ResourceQuota in the scanned set.',
    },
  },
  kinds: ['ResourceQuota'],
  check: (resource) => {
    const spec = resource.object.spec;
    const hard = isObject(spec) ? spec.hard : undefined;
    const missing = REQUIRED.filter(
      (key) => !isObject(hard) || hard[key] === undefined || hard[key] === false,
    );
    if (missing.length === 0) return [];
    return [
      {
        message: `ResourceQuota '${resource.ref.name}' should set hard memory and CPU quotas (missing ${missing.join(', ')})`,
        path: isObject(hard) ? ['spec', 'hard'] : ['spec'],
      },
    ];
  },
  checkAllReads: 'refs',
  checkAll: (resources, options) => {
    if (!options.requirePerNamespace) return [];
    const covered = namespacesWith(resources, (resource) => resource.ref.kind === 'ResourceQuota');
    return [...firstWorkloadByNamespace(resources)]
      .filter(([namespace]) => !covered.has(namespace))
      .map(([namespace, resource]) => ({
        resource,
        message: `Namespace '${namespace}' runs workloads but has no ResourceQuota`,
        path: namespacePath(resource),
      }));
  },
});
