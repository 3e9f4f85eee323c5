import { role, roleGranting, ruleTester } from '../../../../test/support/rules.js';
import { noManageNetworkingResources } from './no-manage-networking-resources.js';

ruleTester(noManageNetworkingResources, {
  valid: [
    {
      name: 'passes valid rules (case 0)',
      code: role(
        'ClusterRole',
        [{ apiGroups: [''], resources: ['services'], verbs: ['get', 'list'] }],
        { namespace: 'ns' },
      ),
    },
    {
      name: 'ignores other kinds',
      code: roleGranting('ServiceAccount', {
        apiGroups: ['networking.k8s.io'],
        resources: ['networkpolicies'],
        verbs: ['delete'],
      }),
    },
  ],
  invalid: [
    {
      name: 'flags the offending rule entry',
      code: roleGranting('ClusterRole', {
        apiGroups: ['networking.k8s.io'],
        resources: ['networkpolicies'],
        verbs: ['delete'],
      }),
      errors: [
        {
          line: 10,
          message:
            "ClusterRole 'r' should not have access to resources services, endpoints, endpointslices, networkpolicies, ingresses for verbs create, update, patch, delete, deletecollection, impersonate, *",
          path: ['rules', 1],
        },
      ],
    },
  ],
});
