import { role, ruleTester } from '../../../../test/support/rules.js';
import { noEditOwnRoleBindings } from './no-edit-own-rolebindings.js';

ruleTester(noEditOwnRoleBindings, {
  valid: [
    {
      name: 'passes valid rules (case 0)',
      code: role(
        'Role',
        `
        - apiGroups: ['*']
          resources: ['rolebindings']
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
  - apiGroups: ['*']
    resources: ['rolebindings']
    verbs: ['get', 'patch']
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
          resources: ['rolebindings']
          verbs: ['get', 'patch']
      `,
        { metadata: 'namespace: ns' },
      ),
      errors: [
        {
          line: 10,
          message:
            "Role 'r' in 'ns' namespace permits allowing users in a rolebinding to add other users to their rolebindings",
          path: ['rules', 1],
        },
      ],
    },
  ],
});
