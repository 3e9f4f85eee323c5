import { defineK8sRule } from '../../define.js';
import { grants, ROLE_KINDS, roleLabel, ruleEntryViolations } from './rbac.js';

export const noImpersonatePrivilegedGroups = defineK8sRule({
  meta: {
    id: 'KSV043',
    name: 'no-impersonate-privileged-groups',
    trivyId: 'kubernetes-no-impersonate-privileged-groups',
    severity: 'critical',
    title: 'Do not allow impersonation of privileged groups',
    description:
      "A Role or ClusterRole must not grant `impersonate` on `groups` for all API groups (`apiGroups: ['*']`).",
    rationale:
      'Whoever can impersonate any group can act as `system:masters` and so bypass RBAC altogether.',
    fix: "Remove the rule, or limit impersonation to named, unprivileged groups:\n\n```yaml\nrules:\n  - apiGroups: ['']\n    resources: ['groups']\n    resourceNames: ['developers']\n    verbs: ['impersonate']\n```",
    references: ['https://kubernetes.io/docs/concepts/security/rbac-good-practices/'],
  },
  kinds: ROLE_KINDS,
  check: (resource) =>
    ruleEntryViolations(
      resource,
      (rule) => grants(rule, { apiGroups: ['*'], resources: ['groups'], verbs: ['impersonate'] }),
      () => `${roleLabel(resource)} permits impersonation of privileged groups`,
    ),
});
