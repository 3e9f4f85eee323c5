import { role, ruleTester } from '../../../../test/support/rules.js';
import { noManageEksAwsAuth } from './no-manage-eks-aws-auth.js';

ruleTester(noManageEksAwsAuth, {
  valid: [
    {
      name: 'passes valid rules (case 0)',
      code: role(
        'Role',
        `
        - apiGroups: ['']
          resources: ['configmaps']
          verbs: ['update']
          resourceNames: ['other']
      `,
        { metadata: 'namespace: ns' },
      ),
    },
    {
      name: 'passes valid rules (case 1)',
      code: role(
        'Role',
        `
        - apiGroups: ['']
          resources: ['configmaps']
          verbs: ['get']
          resourceNames: ['aws-auth']
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
  - apiGroups: ['']
    resources: ['configmaps']
    verbs: ['patch']
    resourceNames: ['aws-auth']
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
        - apiGroups: ['']
          resources: ['configmaps']
          verbs: ['patch']
          resourceNames: ['aws-auth']
      `,
        { metadata: 'namespace: ns' },
      ),
      errors: [
        {
          line: 10,
          message:
            "Role 'r' in 'ns' namespace should not have access to resource 'configmaps' named 'aws-auth' for verbs create, update, patch, delete, deletecollection, impersonate, *",
          path: ['rules', 1],
        },
      ],
    },
  ],
});
