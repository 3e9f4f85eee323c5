import { describe, expect, it } from 'vitest';
import { runK8sRule, violationLines } from '../../../../test/support/rules.js';
import { noWildcardVerbRole } from './no-wildcard-verb-role.js';

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
  - apiGroups: ['apps']
    resources: ['deployments']
    verbs: ['*']`;

describe('KSV045 no-wildcard-verb-role', () => {
  it.each([
    `  - apiGroups: ['']
    resources: ['configmaps']
    verbs: ['*']`,
  ])('passes valid rules (case %#)', (rules) => {
    expect(runK8sRule(noWildcardVerbRole, role('ClusterRole', rules))).toEqual([]);
  });

  it('flags the offending rule entry', () => {
    const yaml = role('ClusterRole', failing);
    expect(runK8sRule(noWildcardVerbRole, yaml)).toMatchObject([{ path: ['rules', 1] }]);
    expect(violationLines(noWildcardVerbRole, yaml)).toEqual([10]);
  });

  it('ignores other kinds', () => {
    expect(runK8sRule(noWildcardVerbRole, role('ServiceAccount', failing))).toEqual([]);
  });
});
