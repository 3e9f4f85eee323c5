import { role, roleGranting, ruleTester } from '../../../../test/support/rules.js';
import { noManageWorkloads } from './no-manage-workloads.js';

ruleTester(noManageWorkloads, {
  valid: [
    {
      name: 'passes valid rules (case 0)',
      code: role(
        'Role',
        [{ apiGroups: ['apps'], resources: ['deployments'], verbs: ['get', 'list', 'watch'] }],
        { namespace: 'ns' },
      ),
    },
    {
      name: 'ignores other kinds',
      code: roleGranting('ServiceAccount', {
        apiGroups: ['apps'],
        resources: ['deployments'],
        verbs: ['patch'],
      }),
    },
  ],
  invalid: [
    {
      name: 'flags the offending rule entry',
      code: roleGranting('Role', {
        apiGroups: ['apps'],
        resources: ['deployments'],
        verbs: ['patch'],
      }),
      errors: [
        {
          line: 10,
          message:
            "Role 'r' in 'ns' namespace should not have access to resources pods, deployments, jobs, cronjobs, statefulsets, daemonsets, replicasets, replicationcontrollers for verbs create, update, patch, delete, deletecollection, impersonate, *",
          path: ['rules', 1],
        },
      ],
    },
  ],
});
