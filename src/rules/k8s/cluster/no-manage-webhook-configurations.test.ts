import { role, roleGranting, ruleTester } from '../../../../test/support/rules.js';
import { noManageWebhookConfigurations } from './no-manage-webhook-configurations.js';

ruleTester(noManageWebhookConfigurations, {
  valid: [
    {
      name: 'passes valid rules (case 0)',
      code: role(
        'ClusterRole',
        [
          {
            apiGroups: ['admissionregistration.k8s.io'],
            resources: ['validatingwebhookconfigurations'],
            verbs: ['list'],
          },
        ],
        { namespace: 'ns' },
      ),
    },
    {
      name: 'ignores other kinds',
      code: roleGranting('ServiceAccount', {
        apiGroups: ['admissionregistration.k8s.io'],
        resources: ['mutatingwebhookconfigurations'],
        verbs: ['create'],
      }),
    },
  ],
  invalid: [
    {
      name: 'flags the offending rule entry',
      code: roleGranting('ClusterRole', {
        apiGroups: ['admissionregistration.k8s.io'],
        resources: ['mutatingwebhookconfigurations'],
        verbs: ['create'],
      }),
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
