import { ruleTester } from '../../../../test/support/rules.js';
import { noSystemAuthenticatedBinding } from './no-system-authenticated-binding.js';

ruleTester(noSystemAuthenticatedBinding, {
  valid: [
    {
      name: 'passes other groups',
      code: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata:
  name: b
subjects:
  - kind: Group
    name: developers
roleRef:
  kind: ClusterRole
  name: view
`,
    },
  ],
  invalid: [
    {
      name: 'flags system:authenticated on the subject',
      code: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata:
  name: b
subjects:
  - kind: Group
    name: system:authenticated
roleRef:
  kind: ClusterRole
  name: view
`,
      errors: [
        { line: 7, message: "ClusterRoleBinding 'b' should not bind to 'system:authenticated'" },
      ],
    },
  ],
});
