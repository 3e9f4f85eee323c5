import { describe, expect, it } from 'vitest';
import { runK8sRule, violationLines } from '../../../../test/support/rules.js';
import { noManageEksAwsAuth } from './no-manage-eks-aws-auth.js';

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
  - apiGroups: ['']
    resources: ['configmaps']
    verbs: ['patch']
    resourceNames: ['aws-auth']`;

describe('KSV115 no-manage-eks-aws-auth', () => {
  it.each([
    `  - apiGroups: ['']
    resources: ['configmaps']
    verbs: ['update']
    resourceNames: ['other']`,
    `  - apiGroups: ['']
    resources: ['configmaps']
    verbs: ['get']
    resourceNames: ['aws-auth']`,
  ])('passes valid rules (case %#)', (rules) => {
    expect(runK8sRule(noManageEksAwsAuth, role('Role', rules))).toEqual([]);
  });

  it('flags the offending rule entry', () => {
    const yaml = role('Role', failing);
    expect(runK8sRule(noManageEksAwsAuth, yaml)).toMatchObject([{ path: ['rules', 1] }]);
    expect(violationLines(noManageEksAwsAuth, yaml)).toEqual([10]);
  });

  it('ignores other kinds', () => {
    expect(runK8sRule(noManageEksAwsAuth, role('ServiceAccount', failing))).toEqual([]);
  });
});
