import { describe, expect, it } from 'vitest';
import { runK8sRule, violationLines } from '../../../../test/support/rules.js';
import { noManageNamespaceSecrets } from './no-manage-namespace-secrets.js';

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
    verbs: ['watch']`;

describe('KSV113 no-manage-namespace-secrets', () => {
  it.each([
    `  - apiGroups: ['']
    resources: ['secrets']
    verbs: ['bind']`,
  ])('passes valid rules (case %#)', (rules) => {
    expect(runK8sRule(noManageNamespaceSecrets, role('Role', rules))).toEqual([]);
  });

  it('flags the offending rule entry', () => {
    const yaml = role('Role', failing);
    expect(runK8sRule(noManageNamespaceSecrets, yaml)).toMatchObject([{ path: ['rules', 1] }]);
    expect(violationLines(noManageNamespaceSecrets, yaml)).toEqual([10]);
  });

  it('ignores a ClusterRole with the same rules', () => {
    expect(runK8sRule(noManageNamespaceSecrets, role('ClusterRole', failing))).toEqual([]);
  });
});
