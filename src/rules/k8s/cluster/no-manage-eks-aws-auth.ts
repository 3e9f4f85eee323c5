import { defineK8sRule } from '../../define.js';
import { grants, ROLE_KINDS, roleLabel, ruleEntryViolations, WRITE_VERBS } from './rbac.js';

export const noManageEksAwsAuth = defineK8sRule({
  meta: {
    id: 'KSV115',
    name: 'no-manage-eks-aws-auth',
    trivyId: 'kubernetes-eks-iam-configmap',
    severity: 'critical',
    title: 'Manage EKS IAM Auth ConfigMap',
    description: `A Role or ClusterRole must not grant write verbs (${WRITE_VERBS.join(', ')}) on \`configmaps\` with \`resourceNames\` including \`aws-auth\`.`,
    rationale:
      'On EKS the `aws-auth` ConfigMap maps AWS IAM identities to Kubernetes users and groups: writing it can map any IAM role to `system:masters`.',
    fix: "Remove write access to `aws-auth`; manage it with EKS access entries or from infrastructure code:\n\n```yaml\nrules:\n  - apiGroups: ['']\n    resources: ['configmaps']\n    resourceNames: ['aws-auth']\n    verbs: ['get']\n```",
    references: ['https://docs.aws.amazon.com/eks/latest/userguide/auth-configmap.html'],
  },
  kinds: ROLE_KINDS,
  check: (resource) =>
    ruleEntryViolations(
      resource,
      (rule) =>
        grants(rule, {
          resources: ['configmaps'],
          verbs: WRITE_VERBS,
          resourceNames: ['aws-auth'],
        }),
      () =>
        `${roleLabel(resource)} should not have access to resource 'configmaps' named 'aws-auth' for verbs ${WRITE_VERBS.join(', ')}`,
    ),
});
