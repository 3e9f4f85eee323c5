import { defineK8sRule } from '../../define.js';
import { grants, ROLE_KINDS, roleLabel, ruleEntryViolations, WRITE_VERBS } from './rbac.js';

const WORKLOADS = [
  'pods',
  'deployments',
  'jobs',
  'cronjobs',
  'statefulsets',
  'daemonsets',
  'replicasets',
  'replicationcontrollers',
];

export const noManageWorkloads = defineK8sRule({
  meta: {
    id: 'KSV048',
    name: 'no-manage-workloads',
    trivyId: 'kubernetes-deny-create-update-malicious-pod',
    severity: 'medium',
    title: 'Manage Kubernetes workloads and pods',
    description: `A Role or ClusterRole must not grant write verbs (${WRITE_VERBS.join(', ')}) on ${WORKLOADS.map((w) => `\`${w}\``).join(', ')}.`,
    rationale:
      'Depending on the admission policies in force, creating or changing workloads ranges from stealing compute to running a pod that escapes to the node as root and escalates to cluster-admin.',
    fix: "Grant read access, and let a deployment pipeline (not a long-lived subject) write:\n\n```yaml\nrules:\n  - apiGroups: ['apps']\n    resources: ['deployments']\n    verbs: ['get', 'list', 'watch']\n```",
    references: ['https://kubernetes.io/docs/concepts/security/rbac-good-practices/'],
  },
  kinds: ROLE_KINDS,
  check: (resource) =>
    ruleEntryViolations(
      resource,
      (rule) => grants(rule, { resources: WORKLOADS, verbs: WRITE_VERBS }),
      () =>
        `${roleLabel(resource)} should not have access to resources ${WORKLOADS.join(', ')} for verbs ${WRITE_VERBS.join(', ')}`,
    ),
});
