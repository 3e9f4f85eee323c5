import { describe, expect, it } from 'vitest';
import { runK8sRule, violationLines } from '../../../../test/support/rules.js';
import { noWildcardResourceRole } from './no-wildcard-resource-role.js';

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
    verbs: ['get']`;

describe('KSV112 no-wildcard-resource-role', () => {
  it.each([
    `  - apiGroups: ['*']
    resources: ['*']
    verbs: ['watch']`,
  ])('passes valid rules (case %#)', (rules) => {
    expect(runK8sRule(noWildcardResourceRole, role('Role', rules))).toEqual([]);
  });

  it('flags the offending rule entry', () => {
    const yaml = role('Role', failing);
    expect(runK8sRule(noWildcardResourceRole, yaml)).toMatchObject([{ path: ['rules', 1] }]);
    expect(violationLines(noWildcardResourceRole, yaml)).toEqual([10]);
  });

  it('ignores a ClusterRole with the same rules', () => {
    expect(runK8sRule(noWildcardResourceRole, role('ClusterRole', failing))).toEqual([]);
  });
});
