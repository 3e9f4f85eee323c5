import { defineK8sRule } from '../../define.js';
import { grants, ROLE_KINDS, roleLabel, ruleEntryViolations } from './rbac.js';

export const noPrivilegeEscalationFromNodeProxy = defineK8sRule({
  meta: {
    id: 'KSV047',
    name: 'no-privilege-escalation-from-node-proxy',
    trivyId: 'kubernetes-no-privilege-escalation-from-node-proxy',
    severity: 'high',
    title: 'Do not allow privilege escalation from node proxy',
    description: 'A Role or ClusterRole must not grant `get` or `create` on `nodes/proxy`.',
    rationale:
      "`nodes/proxy` reaches the kubelet API directly: it can exec into any pod on the node, and the kubelet's requests bypass admission control and audit logging.",
    fix: "Remove `nodes/proxy` from the rule; monitoring agents usually need only `nodes/metrics` or `nodes/stats`:\n\n```yaml\nrules:\n  - apiGroups: ['']\n    resources: ['nodes/metrics']\n    verbs: ['get']\n```",
    references: ['https://kubernetes.io/docs/concepts/security/rbac-good-practices/'],
  },
  kinds: ROLE_KINDS,
  check: (resource) =>
    ruleEntryViolations(
      resource,
      (rule) => grants(rule, { resources: ['nodes/proxy'], verbs: ['get', 'create'] }),
      () => `${roleLabel(resource)} permits privilege escalation from node proxy`,
    ),
});
