import { describe, expect, it } from 'vitest';
import { runK8sRule, violationLines } from '../../../../test/support/rules.js';
import { noManageConfigmaps } from './no-manage-configmaps.js';

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
    verbs: ['create']
  - apiGroups: ['']
    resources: ['configmaps']
    verbs: ['update']`;

describe('KSV049 no-manage-configmaps', () => {
  it.each([
    `  - apiGroups: ['']
    resources: ['configmaps']
    verbs: ['get', 'watch']`,
  ])('passes valid rules (case %#)', (rules) => {
    expect(runK8sRule(noManageConfigmaps, role('Role', rules))).toEqual([]);
  });

  it('flags the offending rule entry', () => {
    const yaml = role('Role', failing);
    expect(runK8sRule(noManageConfigmaps, yaml)).toMatchObject([{ path: ['rules', 1] }]);
    expect(violationLines(noManageConfigmaps, yaml)).toEqual([10]);
  });

  it('ignores other kinds', () => {
    expect(runK8sRule(noManageConfigmaps, role('ServiceAccount', failing))).toEqual([]);
  });
});
