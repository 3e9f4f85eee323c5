import { defineK8sRule } from '../../define.js';
import { BINDING_KINDS, bindingLabel, subjectViolations } from './rbac.js';

export const noSystemMastersBinding = defineK8sRule({
  meta: {
    id: 'KSV0123',
    name: 'no-system-masters-binding',
    trivyId: 'kubernetes-no-system-masters-group-bind',
    severity: 'critical',
    title: 'system:masters group access binding',
    description:
      'A RoleBinding or ClusterRoleBinding must not have the `system:masters` group among its subjects.',
    rationale:
      '`system:masters` bypasses RBAC entirely and its membership cannot be revoked by deleting a binding: a binding that relies on it is a sign of a misunderstanding, and extends a break-glass identity.',
    fix: 'Bind a dedicated group instead:\n\n```yaml\nsubjects:\n  - kind: Group\n    name: platform-admins\n    apiGroup: rbac.authorization.k8s.io\n```',
    references: [
      'https://kubernetes.io/docs/concepts/security/rbac-good-practices/#least-privilege',
    ],
  },
  kinds: BINDING_KINDS,
  check: (resource) =>
    subjectViolations(
      resource,
      ['system:masters'],
      () => `${bindingLabel(resource)} should not bind to 'system:masters'`,
    ),
});
