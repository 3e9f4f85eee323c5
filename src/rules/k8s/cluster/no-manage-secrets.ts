import { defineK8sRule } from '../../define.js';
import { grants, READ_AND_WRITE_VERBS, roleLabel, ruleEntryViolations } from './rbac.js';

export const noManageSecrets = defineK8sRule({
  meta: {
    id: 'KSV041',
    name: 'no-manage-secrets',
    trivyId: 'kubernetes-no-manage-secrets',
    severity: 'critical',
    title: 'Manage secrets',
    description:
      'A ClusterRole must not grant any verb (read or write) on `secrets`: a rule whose `resources` lists `secrets` and whose `verbs` lists one of get, list, watch, create, update, patch, delete, deletecollection, impersonate or `*`.',
    rationale:
      'Reading secrets cluster-wide is akin to cluster-admin: some service account token in some namespace is bound to a powerful role, and its token is a secret.',
    fix: "Drop `secrets` from the ClusterRole, or grant it per namespace with a Role and `resourceNames`:\n\n```yaml\nkind: Role\nrules:\n  - apiGroups: ['']\n    resources: ['secrets']\n    resourceNames: ['app-config']\n    verbs: ['get']\n```",
    references: ['https://kubernetes.io/docs/concepts/security/rbac-good-practices/'],
  },
  kinds: ['ClusterRole'],
  check: (resource) =>
    ruleEntryViolations(
      resource,
      (rule) => grants(rule, { resources: ['secrets'], verbs: READ_AND_WRITE_VERBS }),
      () => `${roleLabel(resource)} shouldn't have access to manage resource 'secrets'`,
    ),
});
