import { describe, expect, it } from 'vitest';
import { runK8sRule, violationLines } from '../../../../test/support/rules.js';
import { noManageRbacResources } from './no-manage-rbac-resources.js';

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
    verbs: ['*']
  - apiGroups: ['rbac.authorization.k8s.io']
    resources: ['rolebindings']
    verbs: ['bind']`;

describe('KSV050 no-manage-rbac-resources', () => {
  it.each([
    `  - apiGroups: ['rbac.authorization.k8s.io']
    resources: ['roles']
    verbs: ['create', 'update']`,
  ])('passes valid rules (case %#)', (rules) => {
    expect(runK8sRule(noManageRbacResources, role('Role', rules))).toEqual([]);
  });

  it('flags the offending rule entry', () => {
    const yaml = role('Role', failing);
    expect(runK8sRule(noManageRbacResources, yaml)).toMatchObject([{ path: ['rules', 1] }]);
    expect(violationLines(noManageRbacResources, yaml)).toEqual([10]);
  });

  it('ignores other kinds', () => {
    expect(runK8sRule(noManageRbacResources, role('ServiceAccount', failing))).toEqual([]);
  });
});
