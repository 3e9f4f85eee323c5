import { role, ruleTester } from '../../../../test/support/rules.js';
import { noManageSecrets } from './no-manage-secrets.js';

ruleTester(noManageSecrets, {
  valid: [
    {
      name: 'passes valid rules (case 0)',
      code: role(
        'ClusterRole',
        `
        - apiGroups: ['']
          resources: ['configmaps']
          verbs: ['get']
      `,
        { metadata: 'namespace: ns' },
      ),
    },
    {
      name: 'ignores a Role with the same rules',
      code: role(
        'Role',
        `
        - apiGroups: ['']
          resources: ['pods']
          verbs: ['get']
        - apiGroups: ['']
          resources: ['secrets']
          verbs: ['list']
      `,
        { metadata: 'namespace: ns' },
      ),
    },
  ],
  invalid: [
    {
      name: 'flags the offending rule entry',
      code: role(
        'ClusterRole',
        `
        - apiGroups: ['']
          resources: ['pods']
          verbs: ['get']
        - apiGroups: ['']
          resources: ['secrets']
          verbs: ['list']
      `,
        { metadata: 'namespace: ns' },
      ),
      errors: [
        {
          line: 10,
          message: "ClusterRole 'r' shouldn't have access to manage resource 'secrets'",
          path: ['rules', 1],
        },
      ],
    },
  ],
});
