import { defineK8sRule } from '../../define.js';
import { grants, READ_AND_WRITE_VERBS, ruleEntryViolations } from './rbac.js';

export const noManageNamespaceSecrets = defineK8sRule({
  meta: {
    id: 'KSV113',
    name: 'no-manage-namespace-secrets',
    trivyId: 'kubernetes-no-manage-ns-secrets',
    severity: 'medium',
    title: 'Manage namespace secrets',
    description: 'A Role must not grant any verb (read or write) on `secrets` in its namespace.',
    rationale:
      'Reading the secrets of a namespace hands over the token of every service account in it; if one of them is bound to a more powerful role, that is an escalation.',
    fix: "Grant only the named secrets the workload needs:\n\n```yaml\nkind: Role\nrules:\n  - apiGroups: ['']\n    resources: ['secrets']\n    resourceNames: ['app-config']\n    verbs: ['get']\n```",
    references: ['https://kubernetes.io/docs/concepts/security/rbac-good-practices/'],
  },
  kinds: ['Role'],
  check: (resource) =>
    ruleEntryViolations(
      resource,
      (rule) => grants(rule, { resources: ['secrets'], verbs: READ_AND_WRITE_VERBS }),
      () =>
        `Role '${resource.ref.name}' shouldn't have access to manage secrets in namespace '${resource.ref.namespace ?? 'default'}'`,
    ),
});
