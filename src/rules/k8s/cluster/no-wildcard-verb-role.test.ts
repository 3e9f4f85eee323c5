import { role, ruleTester } from '../../../../test/support/rules.js';
import { noWildcardVerbRole } from './no-wildcard-verb-role.js';

ruleTester(noWildcardVerbRole, {
  valid: [
    {
      name: 'passes valid rules (case 0)',
      code: role(
        'ClusterRole',
        `
        - apiGroups: ['']
          resources: ['configmaps']
          verbs: ['*']
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
  - apiGroups: ['apps']
    resources: ['deployments']
    verbs: ['*']
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
        - apiGroups: ['apps']
          resources: ['deployments']
          verbs: ['*']
      `,
        { metadata: 'namespace: ns' },
      ),
      errors: [
        {
          line: 10,
          message: "ClusterRole 'r' permits wildcard verb on specific resources",
          path: ['rules', 1],
        },
      ],
    },
  ],
});
