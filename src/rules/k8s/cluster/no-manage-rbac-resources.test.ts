import { role, roleGranting, ruleTester } from '../../../../test/support/rules.js';
import { noManageRbacResources } from './no-manage-rbac-resources.js';

ruleTester(noManageRbacResources, {
  valid: [
    {
      name: 'passes valid rules (case 0)',
      code: role(
        'Role',
        [
          {
            apiGroups: ['rbac.authorization.k8s.io'],
            resources: ['roles'],
            verbs: ['create', 'update'],
          },
        ],
        { namespace: 'ns' },
      ),
    },
    {
      name: 'ignores other kinds',
      code: roleGranting(
        'ServiceAccount',
        {
          apiGroups: ['rbac.authorization.k8s.io'],
          resources: ['rolebindings'],
          verbs: ['bind'],
        },
        { apiGroups: [''], resources: ['pods'], verbs: ['*'] },
      ),
    },
  ],
  invalid: [
    {
      name: 'flags the offending rule entry',
      code: roleGranting(
        'Role',
        {
          apiGroups: ['rbac.authorization.k8s.io'],
          resources: ['rolebindings'],
          verbs: ['bind'],
        },
        { apiGroups: [''], resources: ['pods'], verbs: ['*'] },
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
