import { networkPolicy, ruleTester, service, workload } from '../../../../test/support/rules.js';
import { namespaceNetworkPolicy } from './namespace-network-policy.js';

/** A Deployment `web` (in `namespace`, when given). */
const web = (namespace?: string) =>
  workload('Deployment', {
    name: 'web',
    ...(namespace ? { metadata: `namespace: ${namespace}` } : {}),
  });
/** A NetworkPolicy selecting every pod (in `namespace`, when given). */
const denyAll = (namespace?: string) =>
  networkPolicy('podSelector: {}', { name: 'default-deny', namespace });

ruleTester(namespaceNetworkPolicy, {
  valid: [
    {
      name: 'passes when the namespace has any NetworkPolicy',
      code: [web('shop'), denyAll('shop')].join('---\n'),
    },
    {
      name: 'groups resources without a namespace together, as one install would',
      code: [web(), denyAll()].join('---\n'),
    },
    {
      name: 'reports nothing for a set without workloads',
      code: service(undefined, { namespace: 'shop' }),
    },
  ],
  invalid: [
    {
      name: 'flags the first workload of a namespace without a policy, on its namespace line',
      code: [
        service(undefined, { namespace: 'shop' }),
        web('shop'),
        workload('Deployment', { name: 'worker', metadata: 'namespace: shop' }),
      ].join('---\n'),
      errors: [
        {
          line: 11,
          message: "Namespace 'shop' has workloads (first: Deployment 'web') but no NetworkPolicy",
        },
      ],
    },
    {
      name: 'groups resources without a namespace together, as one install would',
      code: [web(), denyAll('shop')].join('---\n'),
      errors: [
        {
          line: 3,
          message:
            "Namespace 'default' has workloads (first: Deployment 'web') but no NetworkPolicy",
          path: ['metadata'],
        },
      ],
    },
  ],
});
