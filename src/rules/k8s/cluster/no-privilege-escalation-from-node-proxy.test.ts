import { role, roleGranting, ruleTester } from '../../../../test/support/rules.js';
import { noPrivilegeEscalationFromNodeProxy } from './no-privilege-escalation-from-node-proxy.js';

ruleTester(noPrivilegeEscalationFromNodeProxy, {
  valid: [
    {
      name: 'passes valid rules (case 0)',
      code: role(
        'ClusterRole',
        [{ apiGroups: [''], resources: ['nodes/metrics'], verbs: ['get'] }],
        { namespace: 'ns' },
      ),
    },
    {
      name: 'ignores other kinds',
      code: roleGranting(
        'ServiceAccount',
        { apiGroups: [''], resources: ['nodes/proxy'], verbs: ['get'] },
        { apiGroups: [''], resources: ['nodes'], verbs: ['get'] },
      ),
    },
  ],
  invalid: [
    {
      name: 'flags the offending rule entry',
      code: roleGranting(
        'ClusterRole',
        { apiGroups: [''], resources: ['nodes/proxy'], verbs: ['get'] },
        { apiGroups: [''], resources: ['nodes'], verbs: ['get'] },
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
