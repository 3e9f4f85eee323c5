import { describe, expect, it } from 'vitest';
import { resourcesFromYaml, runK8sRule } from '../../../../test/support/rules.js';
import { namespaceNetworkPolicy } from './namespace-network-policy.js';

const deployment = (name: string, namespace?: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
${namespace ? `  namespace: ${namespace}\n` : ''}spec:
  template:
    spec:
      containers:
        - name: app
          image: nginx:1.27
`;
const policy = (namespace?: string) => `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: default-deny
${namespace ? `  namespace: ${namespace}\n` : ''}spec:
  podSelector: {}
`;
const service = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: s\n  namespace: shop\n';

describe('KPG203 namespace-network-policy', () => {
  it('flags the first workload of a namespace without a policy, on its namespace line', () => {
    const yaml = [service, deployment('web', 'shop'), deployment('worker', 'shop')].join('---\n');
    const resources = resourcesFromYaml(yaml);
    const found = namespaceNetworkPolicy.checkAll!(resources, undefined);
    expect(found).toHaveLength(1);
    expect(found[0].message).toBe(
      "Namespace 'shop' has workloads (first: Deployment 'web') but no NetworkPolicy",
    );
    expect(found[0].resource.origin.locate(found[0].path).line).toBe(11);
  });

  it('passes when the namespace has any NetworkPolicy', () => {
    expect(
      runK8sRule(namespaceNetworkPolicy, `${deployment('web', 'shop')}---\n${policy('shop')}`),
    ).toEqual([]);
  });

  it('groups resources without a namespace together, as one install would', () => {
    expect(runK8sRule(namespaceNetworkPolicy, `${deployment('web')}---\n${policy()}`)).toEqual([]);
    expect(
      runK8sRule(namespaceNetworkPolicy, `${deployment('web')}---\n${policy('shop')}`),
    ).toMatchObject([
      {
        message: "Namespace 'default' has workloads (first: Deployment 'web') but no NetworkPolicy",
        path: ['metadata'],
      },
    ]);
  });

  it('reports nothing for a set without workloads', () => {
    expect(runK8sRule(namespaceNetworkPolicy, service)).toEqual([]);
  });
});
