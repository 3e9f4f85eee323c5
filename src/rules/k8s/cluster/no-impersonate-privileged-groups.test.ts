import { role, ruleTester } from '../../../../test/support/rules.js';
import { noImpersonatePrivilegedGroups } from './no-impersonate-privileged-groups.js';

ruleTester(noImpersonatePrivilegedGroups, {
  valid: [
    {
      name: 'passes valid rules (case 0)',
      code: role(
        'ClusterRole',
        `
        - apiGroups: ['']
          resources: ['groups']
          verbs: ['impersonate']
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
  - apiGroups: ['*']
    resources: ['users']
    verbs: ['impersonate']
  - apiGroups: ['*']
    resources: ['groups']
    verbs: ['impersonate']
`,
    },
  ],
  invalid: [
    {
      name: 'flags the offending rule entry',
      code: role(
        'ClusterRole',
        `
        - apiGroups: ['*']
          resources: ['users']
          verbs: ['impersonate']
        - apiGroups: ['*']
          resources: ['groups']
          verbs: ['impersonate']
      `,
        { metadata: 'namespace: ns' },
      ),
      errors: [
        {
          line: 10,
          message: "ClusterRole 'r' permits impersonation of privileged groups",
          path: ['rules', 1],
        },
      ],
    },
  ],
});
