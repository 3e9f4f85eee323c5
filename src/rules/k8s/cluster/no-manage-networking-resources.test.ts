import { describe, expect, it } from 'vitest';
import { runK8sRule, violationLines } from '../../../../test/support/rules.js';
import { noManageNetworkingResources } from './no-manage-networking-resources.js';

const role = (kind: string, rules: string) =>
  `apiVersion: rbac.authorization.k8s.io/v1
kind: ${kind}
metadata:
  name: r
  namespace: ns
rules:
${rules}
`;

const failing = `  - apiGroups: ['']
    resources: ['pods']
    verbs: ['get']
  - apiGroups: ['networking.k8s.io']
    resources: ['networkpolicies']
    verbs: ['delete']`;

describe('KSV056 no-manage-networking-resources', () => {
  it.each([
    `  - apiGroups: ['']
    resources: ['services']
    verbs: ['get', 'list']`,
  ])('passes valid rules (case %#)', (rules) => {
    expect(runK8sRule(noManageNetworkingResources, role('ClusterRole', rules))).toEqual([]);
  });

  it('flags the offending rule entry', () => {
    const yaml = role('ClusterRole', failing);
    expect(runK8sRule(noManageNetworkingResources, yaml)).toMatchObject([{ path: ['rules', 1] }]);
    expect(violationLines(noManageNetworkingResources, yaml)).toEqual([10]);
  });

  it('ignores other kinds', () => {
    expect(runK8sRule(noManageNetworkingResources, role('ServiceAccount', failing))).toEqual([]);
  });
});
