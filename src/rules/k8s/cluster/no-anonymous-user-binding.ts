import { defineK8sRule } from '../../define.js';
import { BINDING_KINDS, bindingLabel, subjectViolations } from './rbac.js';

const ANONYMOUS = ['system:unauthenticated', 'system:anonymous'];

export const noAnonymousUserBinding = defineK8sRule({
  meta: {
    id: 'KSV122',
    name: 'no-anonymous-user-binding',
    trivyId: 'kubernetes-no-anonymous-user-bind',
    severity: 'critical',
    title: 'Anonymous user access binding',
    description:
      'A RoleBinding or ClusterRoleBinding must not have `system:anonymous` or `system:unauthenticated` among its subjects.',
    rationale:
      'Anything bound to the anonymous user or the unauthenticated group is granted to everyone who can reach the API server, with no credentials at all.',
    fix: 'Bind a specific user, group or service account:\n\n```yaml\nsubjects:\n  - kind: ServiceAccount\n    name: app\n    namespace: app\n```',
    references: [
      'https://kubernetes.io/docs/reference/access-authn-authz/authentication/#anonymous-requests',
    ],
  },
  kinds: BINDING_KINDS,
  check: (resource) =>
    subjectViolations(
      resource,
      ANONYMOUS,
      (subject) => `${bindingLabel(resource)} should not bind to '${subject}'`,
    ),
});
