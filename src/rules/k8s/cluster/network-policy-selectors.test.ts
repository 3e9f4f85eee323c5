import { describe, expect, it } from 'vitest';
import { runK8sRule, violationLines } from '../../../../test/support/rules.js';
import { networkPolicySelectors } from './network-policy-selectors.js';

const policy = (spec: string) => `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: np
spec:
${spec}
`;

describe('KSV038 network-policy-selectors', () => {
  it.each([
    ['a podSelector', '  podSelector:\n    matchLabels: { app: db }'],
    ['an empty podSelector (default deny)', '  podSelector: {}\n  policyTypes: [Ingress]'],
    ['an ingress peer selector', '  ingress:\n    - from:\n        - namespaceSelector: {}'],
    [
      'an egress peer selector',
      '  egress:\n    - to:\n        - podSelector: { matchLabels: { app: dns } }',
    ],
  ])('passes %s', (_name, spec) => {
    expect(runK8sRule(networkPolicySelectors, policy(spec))).toEqual([]);
  });

  it('flags a policy without any selector on spec', () => {
    const yaml = policy('  ingress:\n    - from:\n        - ipBlock: { cidr: 10.0.0.0/8 }');
    expect(runK8sRule(networkPolicySelectors, yaml)).toHaveLength(1);
    expect(violationLines(networkPolicySelectors, yaml)).toEqual([5]);
  });

  it('ignores other kinds', () => {
    expect(
      runK8sRule(
        networkPolicySelectors,
        'apiVersion: v1\nkind: Service\nmetadata: { name: s }\nspec: {}\n',
      ),
    ).toEqual([]);
  });
});
