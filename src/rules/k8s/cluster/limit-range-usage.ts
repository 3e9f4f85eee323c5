import { defineK8sRule } from '../../define.js';
import { isObject, type K8sResource } from '../../../sources/resource.js';
import { firstWorkloadByNamespace, namespacePath, namespacesWith } from './namespaces.js';

const REQUIRED = ['type', 'max', 'min', 'default', 'defaultRequest'];

export interface LimitRangeOptions {
  /** Also report namespaces that run workloads but have no LimitRange in the scanned set. */
  requirePerNamespace: boolean;
}

/** Some entry of `spec.limits` sets type, max, min, default and defaultRequest. */
function isComplete(resource: K8sResource): boolean {
  const spec = resource.object.spec;
  const limits = isObject(spec) ? spec.limits : undefined;
  return (
    Array.isArray(limits) &&
    limits.some(
      (limit) =>
        isObject(limit) &&
        REQUIRED.every((key) => limit[key] !== undefined && limit[key] !== false),
    )
  );
}

export const limitRangeUsage = defineK8sRule<LimitRangeOptions>({
  meta: {
    id: 'KSV039',
    name: 'limit-range-usage',
    trivyId: 'kubernetes-limit-range-usage',
    severity: 'low',
    title: 'limit range usage',
    description:
      "A LimitRange must have an entry in `spec.limits` that sets `type`, `max`, `min`, `default` and `defaultRequest`. With the option `requirePerNamespace: true`, every namespace of the scanned set that runs workloads must also have a LimitRange; that finding is placed on the namespace's first workload.",
    rationale:
      'Defaults and bounds per container keep one workload without requests or limits from starving its neighbours, and give the scheduler numbers to plan with.',
    fix: "```yaml\nkind: LimitRange\nspec:\n  limits:\n    - type: Container\n      default: { cpu: 500m, memory: 256Mi }\n      defaultRequest: { cpu: 100m, memory: 128Mi }\n      min: { cpu: 50m, memory: 64Mi }\n      max: { cpu: '2', memory: 1Gi }\n```",
    references: ['https://kubernetes.io/docs/concepts/policy/limit-range/'],
  },
  options: {
    requirePerNamespace: {
      type: 'boolean',
      default: false,
      description:
        'Also report namespaces that run workloads but have no LimitRange in the scanned set.',
    },
  },
  kinds: ['LimitRange'],
  check: (resource) => {
    if (isComplete(resource)) return [];
    return [
      {
        message: `LimitRange '${resource.ref.name}' should configure default requests and limits, min and max for each container`,
        path: ['spec', 'limits'],
      },
    ];
  },
  checkAllReads: 'refs',
  checkAll: (resources, options) => {
    if (!options.requirePerNamespace) return [];
    const covered = namespacesWith(resources, (resource) => resource.ref.kind === 'LimitRange');
    return [...firstWorkloadByNamespace(resources)]
      .filter(([namespace]) => !covered.has(namespace))
      .map(([namespace, resource]) => ({
        resource,
        message: `Namespace '${namespace}' runs workloads but has no LimitRange`,
        path: namespacePath(resource),
      }));
  },
});
