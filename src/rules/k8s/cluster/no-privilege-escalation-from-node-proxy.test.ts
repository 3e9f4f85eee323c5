import { role, ruleTester } from '../../../../test/support/rules.js';
import { noPrivilegeEscalationFromNodeProxy } from './no-privilege-escalation-from-node-proxy.js';

ruleTester(noPrivilegeEscalationFromNodeProxy, {
  valid: [
    {
      name: 'passes valid rules (case 0)',
      code: role(
        'ClusterRole',
        `
        - apiGroups: ['']
          resources: ['nodes/metrics']
          verbs: ['get']
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
    resources: ['nodes']
    verbs: ['get']
  - apiGroups: ['']
    resources: ['nodes/proxy']
    verbs: ['get']
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
          resources: ['nodes']
          verbs: ['get']
        - apiGroups: ['']
          resources: ['nodes/proxy']
          verbs: ['get']
      `,
        { metadata: 'namespace: ns' },
      ),
      errors: [
        {
          line: 10,
          message: "ClusterRole 'r' permits privilege escalation from node proxy",
          path: ['rules', 1],
        },
      ],
    },
  ],
});
