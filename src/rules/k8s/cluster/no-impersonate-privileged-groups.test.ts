import { describe, expect, it } from 'vitest';
import { runK8sRule, violationLines } from '../../../../test/support/rules.js';
import { noImpersonatePrivilegedGroups } from './no-impersonate-privileged-groups.js';

const role = (kind: string, rules: string) =>
  `apiVersion: rbac.authorization.k8s.io/v1
kind: ${kind}
metadata:
  name: r
  namespace: ns
rules:
${rules}
`;

const failing = `  - apiGroups: ['*']
    resources: ['users']
    verbs: ['impersonate']
  - apiGroups: ['*']
    resources: ['groups']
    verbs: ['impersonate']`;

describe('KSV043 no-impersonate-privileged-groups', () => {
  it.each([
    `  - apiGroups: ['']
    resources: ['groups']
    verbs: ['impersonate']`,
  ])('passes valid rules (case %#)', (rules) => {
    expect(runK8sRule(noImpersonatePrivilegedGroups, role('ClusterRole', rules))).toEqual([]);
  });

  it('flags the offending rule entry', () => {
    const yaml = role('ClusterRole', failing);
    expect(runK8sRule(noImpersonatePrivilegedGroups, yaml)).toMatchObject([{ path: ['rules', 1] }]);
    expect(violationLines(noImpersonatePrivilegedGroups, yaml)).toEqual([10]);
  });

  it('ignores other kinds', () => {
    expect(runK8sRule(noImpersonatePrivilegedGroups, role('ServiceAccount', failing))).toEqual([]);
  });
});
