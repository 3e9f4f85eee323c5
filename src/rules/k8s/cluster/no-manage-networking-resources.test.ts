import { role, ruleTester } from '../../../../test/support/rules.js';
import { noManageNetworkingResources } from './no-manage-networking-resources.js';

ruleTester(noManageNetworkingResources, {
  valid: [
    {
      name: 'passes valid rules (case 0)',
      code: role(
        'ClusterRole',
        `
        - apiGroups: ['']
          resources: ['services']
          verbs: ['get', 'list']
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
  - apiGroups: ['networking.k8s.io']
    resources: ['networkpolicies']
    verbs: ['delete']
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
        - apiGroups: ['networking.k8s.io']
          resources: ['networkpolicies']
          verbs: ['delete']
      `,
        { metadata: 'namespace: ns' },
      ),
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
