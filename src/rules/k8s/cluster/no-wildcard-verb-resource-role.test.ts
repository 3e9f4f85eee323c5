import { role, ruleTester } from '../../../../test/support/rules.js';
import { noWildcardVerbResourceRole } from './no-wildcard-verb-resource-role.js';

ruleTester(noWildcardVerbResourceRole, {
  valid: [
    {
      name: 'passes valid rules (case 0)',
      code: role(
        'Role',
        `
        - apiGroups: ['apps']
          resources: ['*']
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
  - apiGroups: ['*']
    resources: ['*']
    verbs: ['*']
`,
    },
  ],
  invalid: [
    {
      name: 'flags the offending rule entry',
      code: role(
        'Role',
        `
        - apiGroups: ['']
          resources: ['pods']
          verbs: ['get']
        - apiGroups: ['*']
          resources: ['*']
          verbs: ['*']
      `,
        { metadata: 'namespace: ns' },
      ),
      errors: [
        {
          line: 10,
          message: "Role 'r' in 'ns' namespace permits wildcard verb on wildcard resource",
          path: ['rules', 1],
        },
      ],
    },
  ],
});
