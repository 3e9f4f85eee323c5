import { networkPolicy, ruleTester } from '../../../../test/support/rules.js';
import { networkPolicySelectors } from './network-policy-selectors.js';

ruleTester(networkPolicySelectors, {
  valid: [
    {
      name: 'passes a podSelector',
      code: networkPolicy(`
        podSelector:
          matchLabels: { app: db }
      `),
    },
    {
      name: 'passes an empty podSelector (default deny)',
      code: networkPolicy(`
        podSelector: {}
        policyTypes: [Ingress]
      `),
    },
    {
      name: 'passes an ingress peer selector',
      code: networkPolicy(`
        ingress:
          - from:
              - namespaceSelector: {}
      `),
    },
    {
      name: 'passes an egress peer selector',
      code: networkPolicy(`
        egress:
          - to:
              - podSelector: { matchLabels: { app: dns } }
      `),
    },
    {
      name: 'ignores other kinds',
      code: `apiVersion: v1
kind: Service
metadata: { name: s }
spec: {}
`,
    },
  ],
  invalid: [
    {
      name: 'flags a policy without any selector on spec',
      code: networkPolicy(`
        ingress:
          - from:
              - ipBlock: { cidr: 10.0.0.0/8 }
      `),
      errors: [
        {
          line: 5,
          message:
            "NetworkPolicy 'np' should use podSelector and/or namespaceSelector to restrict ingress and egress traffic within the Pod network",
        },
      ],
    },
  ],
});
