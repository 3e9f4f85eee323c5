import { role, ruleTester } from '../../../../test/support/rules.js';
import { noManageConfigmaps } from './no-manage-configmaps.js';

ruleTester(noManageConfigmaps, {
  valid: [
    {
      name: 'passes valid rules (case 0)',
      code: role(
        'Role',
        `
        - apiGroups: ['']
          resources: ['configmaps']
          verbs: ['get', 'watch']
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
    verbs: ['create']
  - apiGroups: ['']
    resources: ['configmaps']
    verbs: ['update']
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
          verbs: ['create']
        - apiGroups: ['']
          resources: ['configmaps']
          verbs: ['update']
      `,
        { metadata: 'namespace: ns' },
      ),
      errors: [
        {
          line: 10,
          message:
            "Role 'r' in 'ns' namespace should not have access to resource 'configmaps' for verbs create, update, patch, delete, deletecollection, impersonate, *",
          path: ['rules', 1],
        },
      ],
    },
  ],
});
