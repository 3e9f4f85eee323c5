import { describe, expect, it } from 'vitest';
import { runK8sRule, violationLines } from '../../../../test/support/rules.js';
import { noEditOwnRoleBindings } from './no-edit-own-rolebindings.js';

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
    resources: ['rolebindings']
    verbs: ['get', 'patch']`;

describe('KSV055 no-edit-own-rolebindings', () => {
  it.each([
    `  - apiGroups: ['*']
    resources: ['rolebindings']
    verbs: ['get', 'list']`,
  ])('passes valid rules (case %#)', (rules) => {
    expect(runK8sRule(noEditOwnRoleBindings, role('Role', rules))).toEqual([]);
  });

  it('flags the offending rule entry', () => {
    const yaml = role('Role', failing);
    expect(runK8sRule(noEditOwnRoleBindings, yaml)).toMatchObject([{ path: ['rules', 1] }]);
    expect(violationLines(noEditOwnRoleBindings, yaml)).toEqual([10]);
  });

  it('ignores other kinds', () => {
    expect(runK8sRule(noEditOwnRoleBindings, role('ServiceAccount', failing))).toEqual([]);
  });
});
