import { defineK8sRule } from '../../define.js';
import { grants, ROLE_KINDS, rulePairViolations } from './rbac.js';

export const noAttachToPods = defineK8sRule({
  meta: {
    id: 'KSV054',
    name: 'no-attach-to-pods',
    trivyId: 'kubernetes-no-attaching-shell-pods',
    severity: 'high',
    title: 'Do not allow attaching to shell on pods',
    description:
      "A Role or ClusterRole must not combine `create` on `pods/attach` with a later rule granting `get` on `pods`, both for all API groups (`apiGroups: ['*']`).",
    rationale:
      "Attaching to a running container gives its shell and its service account's permissions, like exec does.",
    fix: "Remove `pods/attach`:\n\n```yaml\nrules:\n  - apiGroups: ['']\n    resources: ['pods']\n    verbs: ['get', 'list']\n```",
    references: ['https://kubernetes.io/docs/concepts/security/rbac-good-practices/'],
  },
  kinds: ROLE_KINDS,
  check: (resource) =>
    rulePairViolations(
      resource,
      (rule) => grants(rule, { apiGroups: ['*'], resources: ['pods/attach'], verbs: ['create'] }),
      (rule) => grants(rule, { apiGroups: ['*'], resources: ['pods'], verbs: ['get'] }),
      `${resource.ref.kind} '${resource.ref.name}' permits attaching to shell on pods`,
    ),
});
