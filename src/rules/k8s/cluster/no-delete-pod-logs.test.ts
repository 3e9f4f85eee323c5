import { role, ruleTester } from '../../../../test/support/rules.js';
import { noDeletePodLogs } from './no-delete-pod-logs.js';

ruleTester(noDeletePodLogs, {
  valid: [
    {
      name: 'passes valid rules (case 0)',
      code: role(
        'Role',
        `
        - apiGroups: ['']
          resources: ['pods/log']
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
    verbs: ['delete']
  - apiGroups: ['']
    resources: ['pods/log']
    verbs: ['deletecollection']
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
          verbs: ['delete']
        - apiGroups: ['']
          resources: ['pods/log']
          verbs: ['deletecollection']
      `,
        { metadata: 'namespace: ns' },
      ),
      errors: [
        {
          line: 10,
          message:
            "Role 'r' in 'ns' namespace should not have access to resource 'pods/log' for verbs delete, deletecollection, *",
          path: ['rules', 1],
        },
      ],
    },
  ],
});
