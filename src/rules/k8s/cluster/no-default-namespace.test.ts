import { describe, expect, it } from 'vitest';
import { runK8sRule, violationLines } from '../../../../test/support/rules.js';
import { noDefaultNamespace } from './no-default-namespace.js';

const deployment = (namespace?: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
${namespace ? `  namespace: ${namespace}\n` : ''}spec:
  template:
    spec:
      containers:
        - name: app
          image: nginx:1.27
`;

describe('KSV110 no-default-namespace', () => {
  it('flags an explicit default namespace on its line', () => {
    const yaml = deployment('default');
    expect(runK8sRule(noDefaultNamespace, yaml)[0].message).toBe(
      'deployment web in default namespace should set metadata.namespace to a non-default namespace',
    );
    expect(violationLines(noDefaultNamespace, yaml)).toEqual([5]);
  });

  it('flags a workload without a namespace on metadata, as Trivy does', () => {
    expect(violationLines(noDefaultNamespace, deployment())).toEqual([3]);
  });

  it('passes other namespaces and non-workloads', () => {
    expect(runK8sRule(noDefaultNamespace, deployment('shop'))).toEqual([]);
    expect(
      runK8sRule(noDefaultNamespace, 'apiVersion: v1\nkind: Service\nmetadata: { name: s }\n'),
    ).toEqual([]);
  });
});
