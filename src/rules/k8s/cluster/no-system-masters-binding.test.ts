import { ruleTester } from '../../../../test/support/rules.js';
import { noSystemMastersBinding } from './no-system-masters-binding.js';

ruleTester(noSystemMastersBinding, {
  valid: [
    {
      name: 'passes look-alike names',
      code: `apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata:
  name: b
  namespace: app
subjects:
  - kind: Group
    name: system:masters2
roleRef:
  kind: Role
  name: r
`,
    },
  ],
  invalid: [
    {
      name: 'flags system:masters on the subject',
      code: `apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata:
  name: b
  namespace: app
subjects:
  - kind: Group
    name: system:masters
roleRef:
  kind: Role
  name: r
`,
      errors: [
        {
          line: 8,
          message: "RoleBinding 'b' in 'app' namespace should not bind to 'system:masters'",
        },
      ],
    },
  ],
});
