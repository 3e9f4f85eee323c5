import { role, ruleTester } from '../../../../test/support/rules.js';
import { noManageRbacResources } from './no-manage-rbac-resources.js';

ruleTester(noManageRbacResources, {
  valid: [
    {
      name: 'passes valid rules (case 0)',
      code: role(
        'Role',
        `
        - apiGroups: ['rbac.authorization.k8s.io']
          resources: ['roles']
          verbs: ['create', 'update']
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
    verbs: ['*']
  - apiGroups: ['rbac.authorization.k8s.io']
    resources: ['rolebindings']
    verbs: ['bind']
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
          verbs: ['*']
        - apiGroups: ['rbac.authorization.k8s.io']
          resources: ['rolebindings']
          verbs: ['bind']
      `,
        { metadata: 'namespace: ns' },
      ),
      errors: [
        {
          line: 10,
          message:
            "Role 'r' in 'ns' namespace should not have access to resources roles, rolebindings for verbs escalate, bind, impersonate, * as they can lead to privilege escalation",
          path: ['rules', 1],
        },
      ],
    },
  ],
});
