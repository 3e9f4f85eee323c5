import { describe, expect, it } from 'vitest';
import { runK8sRule, violationLines } from '../../../../test/support/rules.js';
import { noWildcardResourceClusterRole } from './no-wildcard-resource-clusterrole.js';

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
  - apiGroups: ['*']
    resources: ['*']
    verbs: ['list']`;

describe('KSV046 no-wildcard-resource-clusterrole', () => {
  it.each([
    `  - apiGroups: ['*']
    resources: ['*']
    verbs: ['watch']`,
  ])('passes valid rules (case %#)', (rules) => {
    expect(runK8sRule(noWildcardResourceClusterRole, role('ClusterRole', rules))).toEqual([]);
  });

  it('flags the offending rule entry', () => {
    const yaml = role('ClusterRole', failing);
    expect(runK8sRule(noWildcardResourceClusterRole, yaml)).toMatchObject([{ path: ['rules', 1] }]);
    expect(violationLines(noWildcardResourceClusterRole, yaml)).toEqual([10]);
  });

  it('ignores a Role with the same rules', () => {
    expect(runK8sRule(noWildcardResourceClusterRole, role('Role', failing))).toEqual([]);
  });
});
