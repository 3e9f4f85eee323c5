import { manifest, ruleTester, workload } from '../../../../test/support/rules.js';
import { namespaceNetworkPolicy } from './namespace-network-policy.js';

ruleTester(namespaceNetworkPolicy, {
  valid: [
    {
      name: 'passes when the namespace has any NetworkPolicy',
      code: manifest(
        'Deployment',
        `
        spec:
          template:
            spec:
              containers:
                - name: app
                  image: nginx:1.27
        ---
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata:
          name: default-deny
          namespace: shop
        spec:
          podSelector: {}
      `,
        { name: 'web', namespace: 'shop' },
      ),
    },
    {
      name: 'groups resources without a namespace together, as one install would',
      code: manifest(
        'Deployment',
        `
        spec:
          template:
            spec:
              containers:
                - name: app
                  image: nginx:1.27
        ---
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata:
          name: default-deny
        spec:
          podSelector: {}
      `,
        { name: 'web' },
      ),
    },
    {
      name: 'reports nothing for a set without workloads',
      code: `apiVersion: v1
kind: Service
metadata:
  name: s
  namespace: shop
`,
    },
  ],
  invalid: [
    {
      name: 'flags the first workload of a namespace without a policy, on its namespace line',
      code: [
        'apiVersion: v1\nkind: Service\nmetadata:\n  name: s\n  namespace: shop\n',
        workload('Deployment', { name: 'web', metadata: 'namespace: shop' }),
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
      code: manifest(
        'Deployment',
        `
        spec:
          template:
            spec:
              containers:
                - name: app
                  image: nginx:1.27
        ---
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata:
          name: default-deny
          namespace: shop
        spec:
          podSelector: {}
      `,
        { name: 'web' },
      ),
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
