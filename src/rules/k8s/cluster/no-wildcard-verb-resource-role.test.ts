import { describe, expect, it } from 'vitest';
import { runK8sRule, violationLines } from '../../../../test/support/rules.js';
import { noWildcardVerbResourceRole } from './no-wildcard-verb-resource-role.js';

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
    verbs: ['*']`;

describe('KSV044 no-wildcard-verb-resource-role', () => {
  it.each([
    `  - apiGroups: ['apps']
    resources: ['*']
    verbs: ['*']`,
  ])('passes valid rules (case %#)', (rules) => {
    expect(runK8sRule(noWildcardVerbResourceRole, role('Role', rules))).toEqual([]);
  });

  it('flags the offending rule entry', () => {
    const yaml = role('Role', failing);
    expect(runK8sRule(noWildcardVerbResourceRole, yaml)).toMatchObject([{ path: ['rules', 1] }]);
    expect(violationLines(noWildcardVerbResourceRole, yaml)).toEqual([10]);
  });

  it('ignores other kinds', () => {
    expect(runK8sRule(noWildcardVerbResourceRole, role('ServiceAccount', failing))).toEqual([]);
  });
});
