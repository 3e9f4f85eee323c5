import { defineK8sRule } from '../../define.js';
import { grants, ROLE_KINDS, roleLabel, ruleEntryViolations, WRITE_VERBS } from './rbac.js';

const WEBHOOKS = ['mutatingwebhookconfigurations', 'validatingwebhookconfigurations'];

export const noManageWebhookConfigurations = defineK8sRule({
  meta: {
    id: 'KSV114',
    name: 'no-manage-webhook-configurations',
    trivyId: 'kubernetes-no-manage-webhook',
    severity: 'critical',
    title: 'Manage webhookconfigurations',
    description: `A Role or ClusterRole must not grant write verbs (${WRITE_VERBS.join(', ')}) on \`mutatingwebhookconfigurations\` or \`validatingwebhookconfigurations\`.`,
    rationale:
      'Admission webhooks see and may change every object as it is created or updated, secrets and pod specs included; whoever registers one can intercept, mutate or block them.',
    fix: "Grant read access only:\n\n```yaml\nrules:\n  - apiGroups: ['admissionregistration.k8s.io']\n    resources: ['validatingwebhookconfigurations']\n    verbs: ['get', 'list', 'watch']\n```",
    references: ['https://kubernetes.io/docs/concepts/security/rbac-good-practices/'],
  },
  kinds: ROLE_KINDS,
  check: (resource) =>
    ruleEntryViolations(
      resource,
      (rule) => grants(rule, { resources: WEBHOOKS, verbs: WRITE_VERBS }),
      () =>
        `${roleLabel(resource)} should not have access to resources ${WEBHOOKS.join(', ')} for verbs ${WRITE_VERBS.join(', ')}`,
    ),
});
