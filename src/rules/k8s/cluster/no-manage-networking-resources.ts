import { defineK8sRule } from '../../define.js';
import { grants, ROLE_KINDS, roleLabel, ruleEntryViolations, WRITE_VERBS } from './rbac.js';

const NETWORKING = ['services', 'endpoints', 'endpointslices', 'networkpolicies', 'ingresses'];

export const noManageNetworkingResources = defineK8sRule({
  meta: {
    id: 'KSV056',
    name: 'no-manage-networking-resources',
    trivyId: 'kubernetes-no-manage-networking-resources',
    severity: 'high',
    title: 'Manage Kubernetes networking',
    description: `A Role or ClusterRole must not grant write verbs (${WRITE_VERBS.join(', ')}) on ${NETWORKING.map((r) => `\`${r}\``).join(', ')}.`,
    rationale:
      'Controlling which pods receive service traffic allows interception; controlling NetworkPolicies allows bypassing lateral-movement restrictions.',
    fix: "Grant read access only:\n\n```yaml\nrules:\n  - apiGroups: ['']\n    resources: ['services', 'endpoints']\n    verbs: ['get', 'list', 'watch']\n```",
    references: ['https://kubernetes.io/docs/concepts/security/rbac-good-practices/'],
  },
  kinds: ROLE_KINDS,
  check: (resource) =>
    ruleEntryViolations(
      resource,
      (rule) => grants(rule, { resources: NETWORKING, verbs: WRITE_VERBS }),
      () =>
        `${roleLabel(resource)} should not have access to resources ${NETWORKING.join(', ')} for verbs ${WRITE_VERBS.join(', ')}`,
    ),
});
