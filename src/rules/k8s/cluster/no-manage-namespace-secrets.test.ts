import { role, ruleTester } from '../../../../test/support/rules.js';
import { noManageNamespaceSecrets } from './no-manage-namespace-secrets.js';

ruleTester(noManageNamespaceSecrets, {
  valid: [
    {
      name: 'passes valid rules (case 0)',
      code: role(
        'Role',
        `
        - apiGroups: ['']
          resources: ['secrets']
          verbs: ['bind']
      `,
        { metadata: 'namespace: ns' },
      ),
    },
    {
      name: 'ignores a ClusterRole with the same rules',
      code: role(
        'ClusterRole',
        `
        - apiGroups: ['']
          resources: ['pods']
          verbs: ['get']
        - apiGroups: ['']
          resources: ['secrets']
          verbs: ['watch']
      `,
        { metadata: 'namespace: ns' },
      ),
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
          resources: ['secrets']
          verbs: ['watch']
      `,
        { metadata: 'namespace: ns' },
      ),
      errors: [
        {
          line: 10,
          message: "Role 'r' shouldn't have access to manage secrets in namespace 'ns'",
          path: ['rules', 1],
        },
      ],
    },
  ],
});
