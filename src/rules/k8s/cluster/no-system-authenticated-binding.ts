import { defineK8sRule } from '../../define.js';
import { BINDING_KINDS, bindingLabel, subjectViolations } from './rbac.js';

export const noSystemAuthenticatedBinding = defineK8sRule({
  meta: {
    id: 'KSV01011',
    name: 'no-system-authenticated-binding',
    trivyId: 'kubernetes-no-system-authenticated-group-bind',
    severity: 'critical',
    title: 'system:authenticate group access binding',
    description:
      'A RoleBinding or ClusterRoleBinding must not have the `system:authenticated` group among its subjects. (Trivy raises this only when scanning a GKE cluster; a manifest does not say where it will run, so this rule always does.)',
    rationale:
      '`system:authenticated` is every identity the API server accepts: on GKE that includes any Google account, elsewhere every service account of every namespace. Binding a role to it hands that role to all of them.',
    fix: 'Bind the specific group or service accounts that need the role:\n\n```yaml\nsubjects:\n  - kind: Group\n    name: developers\n    apiGroup: rbac.authorization.k8s.io\n```',
    references: ['https://orca.security/resources/blog/sys-all-google-kubernetes-engine-risk/'],
  },
  kinds: BINDING_KINDS,
  check: (resource) =>
    subjectViolations(
      resource,
      ['system:authenticated'],
      () => `${bindingLabel(resource)} should not bind to 'system:authenticated'`,
    ),
});
