import { defineK8sRule } from '../../define.js';
import { grants, ROLE_KINDS, roleLabel, ruleEntryViolations } from './rbac.js';

export const noWildcardVerbResourceRole = defineK8sRule({
  meta: {
    id: 'KSV044',
    name: 'no-wildcard-verb-resource-role',
    trivyId: 'kubernetes-no-wildcard-verb-resource-role',
    severity: 'critical',
    title: 'No wildcard verb and resource roles',
    description:
      "A Role or ClusterRole must not grant every verb on every resource of every API group (`'*'` in `apiGroups`, `resources` and `verbs` of one rule).",
    rationale:
      'A `*`/`*`/`*` rule is cluster-admin (or namespace-admin) under another name, and it silently grows with every new resource type installed.',
    fix: "List the resources and verbs the subject needs:\n\n```yaml\nrules:\n  - apiGroups: ['apps']\n    resources: ['deployments']\n    verbs: ['get', 'list', 'watch']\n```",
    references: ['https://kubernetes.io/docs/concepts/security/rbac-good-practices/'],
  },
  kinds: ROLE_KINDS,
  check: (resource) =>
    ruleEntryViolations(
      resource,
      (rule) => grants(rule, { apiGroups: ['*'], resources: ['*'], verbs: ['*'] }),
      () => `${roleLabel(resource)} permits wildcard verb on wildcard resource`,
    ),
});
