import { role, roleGranting, ruleTester } from '../../../../test/support/rules.js';
import { noManageEksAwsAuth } from './no-manage-eks-aws-auth.js';

ruleTester(noManageEksAwsAuth, {
  valid: [
    {
      name: 'passes valid rules (case 0)',
      code: role(
        'Role',
        [
          {
            apiGroups: [''],
            resources: ['configmaps'],
            verbs: ['update'],
            resourceNames: ['other'],
          },
        ],
        { namespace: 'ns' },
      ),
    },
    {
      name: 'passes valid rules (case 1)',
      code: role(
        'Role',
        [
          {
            apiGroups: [''],
            resources: ['configmaps'],
            verbs: ['get'],
            resourceNames: ['aws-auth'],
          },
        ],
        { namespace: 'ns' },
      ),
    },
    {
      name: 'ignores other kinds',
      code: roleGranting('ServiceAccount', {
        apiGroups: [''],
        resources: ['configmaps'],
        verbs: ['patch'],
        resourceNames: ['aws-auth'],
      }),
    },
  ],
  invalid: [
    {
      name: 'flags the offending rule entry',
      code: roleGranting('Role', {
        apiGroups: [''],
        resources: ['configmaps'],
        verbs: ['patch'],
        resourceNames: ['aws-auth'],
      }),
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
