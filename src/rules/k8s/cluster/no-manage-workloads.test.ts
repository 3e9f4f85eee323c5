import { describe, expect, it } from 'vitest';
import { runK8sRule, violationLines } from '../../../../test/support/rules.js';
import { noManageWorkloads } from './no-manage-workloads.js';

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
    verbs: ['patch']`;

describe('KSV048 no-manage-workloads', () => {
  it.each([
    `  - apiGroups: ['apps']
    resources: ['deployments']
    verbs: ['get', 'list', 'watch']`,
  ])('passes valid rules (case %#)', (rules) => {
    expect(runK8sRule(noManageWorkloads, role('Role', rules))).toEqual([]);
  });

  it('flags the offending rule entry', () => {
    const yaml = role('Role', failing);
    expect(runK8sRule(noManageWorkloads, yaml)).toMatchObject([{ path: ['rules', 1] }]);
    expect(violationLines(noManageWorkloads, yaml)).toEqual([10]);
  });

  it('ignores other kinds', () => {
    expect(runK8sRule(noManageWorkloads, role('ServiceAccount', failing))).toEqual([]);
  });
});
