import { role, ruleTester } from '../../../../test/support/rules.js';
import { noManageWebhookConfigurations } from './no-manage-webhook-configurations.js';

ruleTester(noManageWebhookConfigurations, {
  valid: [
    {
      name: 'passes valid rules (case 0)',
      code: role(
        'ClusterRole',
        `
        - apiGroups: ['admissionregistration.k8s.io']
          resources: ['validatingwebhookconfigurations']
          verbs: ['list']
      `,
        { metadata: 'namespace: ns' },
      ),
    },
    {
      name: 'ignores other kinds',
      code: `apiVersion: rbac.authorization.k8s.io/v1
kind: ServiceAccount
metadata:
  name: r
  namespace: ns
rules:
  - apiGroups: ['']
    resources: ['pods']
    verbs: ['get']
  - apiGroups: ['admissionregistration.k8s.io']
    resources: ['mutatingwebhookconfigurations']
    verbs: ['create']
`,
    },
  ],
  invalid: [
    {
      name: 'flags the offending rule entry',
      code: role(
        'ClusterRole',
        `
        - apiGroups: ['']
          resources: ['pods']
          verbs: ['get']
        - apiGroups: ['admissionregistration.k8s.io']
          resources: ['mutatingwebhookconfigurations']
          verbs: ['create']
      `,
        { metadata: 'namespace: ns' },
      ),
      errors: [
        {
          line: 10,
          message:
            "ClusterRole 'r' should not have access to resources mutatingwebhookconfigurations, validatingwebhookconfigurations for verbs create, update, patch, delete, deletecollection, impersonate, *",
          path: ['rules', 1],
        },
      ],
    },
  ],
});
