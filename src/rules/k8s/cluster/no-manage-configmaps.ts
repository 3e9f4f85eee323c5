import { defineK8sRule } from '../../define.js';
import { grants, ROLE_KINDS, roleLabel, ruleEntryViolations, WRITE_VERBS } from './rbac.js';

export const noManageConfigmaps = defineK8sRule({
  meta: {
    id: 'KSV049',
    name: 'no-manage-configmaps',
    trivyId: 'kubernetes-no-manage-configmaps',
    severity: 'medium',
    title: 'Manage configmaps',
    description: `A Role or ClusterRole must not grant write verbs (${WRITE_VERBS.join(', ')}) on \`configmaps\`.`,
    rationale:
      'Workloads keep sensitive data and runtime behaviour in ConfigMaps; whoever can change them can change what the workload does, or combine it with another weakness to take it over.',
    fix: "Grant read access, limited to the ConfigMaps needed:\n\n```yaml\nrules:\n  - apiGroups: ['']\n    resources: ['configmaps']\n    resourceNames: ['app-settings']\n    verbs: ['get', 'watch']\n```",
    references: ['https://kubernetes.io/docs/concepts/security/rbac-good-practices/'],
  },
  kinds: ROLE_KINDS,
  check: (resource) =>
    ruleEntryViolations(
      resource,
      (rule) => grants(rule, { resources: ['configmaps'], verbs: WRITE_VERBS }),
      () =>
        `${roleLabel(resource)} should not have access to resource 'configmaps' for verbs ${WRITE_VERBS.join(', ')}`,
    ),
});
