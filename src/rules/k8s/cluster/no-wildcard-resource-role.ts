import { defineK8sRule } from '../../define.js';
import { grants, ruleEntryViolations, WILDCARD_RESOURCE_VERBS } from './rbac.js';

export const noWildcardResourceRole = defineK8sRule({
  meta: {
    id: 'KSV112',
    name: 'no-wildcard-resource-role',
    trivyId: 'kubernetes-no-wildcard-resource-role',
    severity: 'critical',
    title: 'Manage all resources at the namespace',
    description:
      "A Role must not grant get, list, create, update, delete, deletecollection, impersonate or `*` on `resources: ['*']` in its namespace.",
    rationale:
      'Full control of every resource in a namespace includes its secrets and the ability to run any pod there. Normal for a GitOps operator, excessive for anything else.',
    fix: "List the resources the subject needs:\n\n```yaml\nkind: Role\nrules:\n  - apiGroups: ['apps']\n    resources: ['deployments']\n    verbs: ['get', 'list', 'watch', 'update']\n```",
    references: ['https://kubernetes.io/docs/concepts/security/rbac-good-practices/'],
  },
  kinds: ['Role'],
  check: (resource) =>
    ruleEntryViolations(
      resource,
      (rule) => grants(rule, { resources: ['*'], verbs: WILDCARD_RESOURCE_VERBS }),
      () =>
        `Role '${resource.ref.name}' shouldn't manage all resources at the namespace '${resource.ref.namespace ?? 'default'}'`,
    ),
});
