import { defineK8sRule } from '../../define.js';
import { grants, ROLE_KINDS, roleLabel, ruleEntryViolations } from './rbac.js';

/** Resources where "every verb" amounts to control of workloads, secrets or RBAC itself. */
const SENSITIVE_RESOURCES = [
  'secrets',
  'pods',
  'deployments',
  'daemonsets',
  'statefulsets',
  'replicationcontrollers',
  'replicasets',
  'cronjobs',
  'jobs',
  'roles',
  'clusterroles',
  'rolebindings',
  'clusterrolebindings',
  'users',
  'groups',
];

export const noWildcardVerbRole = defineK8sRule({
  meta: {
    id: 'KSV045',
    name: 'no-wildcard-verb-role',
    trivyId: 'kubernetes-no-wildcard-verb-role',
    severity: 'critical',
    title: 'No wildcard verb roles',
    description: `A Role or ClusterRole must not grant \`verbs: ['*']\` on any of: ${SENSITIVE_RESOURCES.map((r) => `\`${r}\``).join(', ')}.`,
    rationale:
      'The wildcard verb includes `escalate`, `bind`, `impersonate` and every verb added later; on workloads, secrets or RBAC objects that is a path to cluster-admin.',
    fix: "Name the verbs:\n\n```yaml\nrules:\n  - apiGroups: ['apps']\n    resources: ['deployments']\n    verbs: ['get', 'list', 'watch', 'update']\n```",
    references: ['https://kubernetes.io/docs/concepts/security/rbac-good-practices/'],
  },
  kinds: ROLE_KINDS,
  check: (resource) =>
    ruleEntryViolations(
      resource,
      (rule) => grants(rule, { resources: SENSITIVE_RESOURCES, verbs: ['*'] }),
      () => `${roleLabel(resource)} permits wildcard verb on specific resources`,
    ),
});
