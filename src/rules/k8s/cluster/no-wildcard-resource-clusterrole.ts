import { defineK8sRule } from '../../define.js';
import { grants, ruleEntryViolations, WILDCARD_RESOURCE_VERBS } from './rbac.js';

export const noWildcardResourceClusterRole = defineK8sRule({
  meta: {
    id: 'KSV046',
    name: 'no-wildcard-resource-clusterrole',
    trivyId: 'kubernetes-no-wildcard-resource-clusterrole',
    severity: 'critical',
    title: 'Manage all resources',
    description:
      "A ClusterRole must not grant get, list, create, update, delete, deletecollection, impersonate or `*` on `resources: ['*']`.",
    rationale:
      'Full control of all cluster resources is root on every node that runs workloads, with access to all pods, secrets and data.',
    fix: "List the resources the subject needs:\n\n```yaml\nkind: ClusterRole\nrules:\n  - apiGroups: ['']\n    resources: ['configmaps']\n    verbs: ['get', 'list', 'watch']\n```",
    references: ['https://kubernetes.io/docs/concepts/security/rbac-good-practices/'],
  },
  kinds: ['ClusterRole'],
  check: (resource) =>
    ruleEntryViolations(
      resource,
      (rule) => grants(rule, { resources: ['*'], verbs: WILDCARD_RESOURCE_VERBS }),
      () => `ClusterRole '${resource.ref.name}' shouldn't manage all resources`,
    ),
});
