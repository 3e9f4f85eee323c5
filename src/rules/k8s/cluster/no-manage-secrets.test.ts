import { describe, expect, it } from 'vitest';
import { runK8sRule, violationLines } from '../../../../test/support/rules.js';
import { noManageSecrets } from './no-manage-secrets.js';

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
    resources: ['secrets']
    verbs: ['list']`;

describe('KSV041 no-manage-secrets', () => {
  it.each([
    `  - apiGroups: ['']
    resources: ['configmaps']
    verbs: ['get']`,
  ])('passes valid rules (case %#)', (rules) => {
    expect(runK8sRule(noManageSecrets, role('ClusterRole', rules))).toEqual([]);
  });

  it('flags the offending rule entry', () => {
    const yaml = role('ClusterRole', failing);
    expect(runK8sRule(noManageSecrets, yaml)).toMatchObject([{ path: ['rules', 1] }]);
    expect(violationLines(noManageSecrets, yaml)).toEqual([10]);
  });

  it('ignores a Role with the same rules', () => {
    expect(runK8sRule(noManageSecrets, role('Role', failing))).toEqual([]);
  });
});
