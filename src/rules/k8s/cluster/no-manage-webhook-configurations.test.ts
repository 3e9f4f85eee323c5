import { describe, expect, it } from 'vitest';
import { runK8sRule, violationLines } from '../../../../test/support/rules.js';
import { noManageWebhookConfigurations } from './no-manage-webhook-configurations.js';

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
  - apiGroups: ['admissionregistration.k8s.io']
    resources: ['mutatingwebhookconfigurations']
    verbs: ['create']`;

describe('KSV114 no-manage-webhook-configurations', () => {
  it.each([
    `  - apiGroups: ['admissionregistration.k8s.io']
    resources: ['validatingwebhookconfigurations']
    verbs: ['list']`,
  ])('passes valid rules (case %#)', (rules) => {
    expect(runK8sRule(noManageWebhookConfigurations, role('ClusterRole', rules))).toEqual([]);
  });

  it('flags the offending rule entry', () => {
    const yaml = role('ClusterRole', failing);
    expect(runK8sRule(noManageWebhookConfigurations, yaml)).toMatchObject([{ path: ['rules', 1] }]);
    expect(violationLines(noManageWebhookConfigurations, yaml)).toEqual([10]);
  });

  it('ignores other kinds', () => {
    expect(runK8sRule(noManageWebhookConfigurations, role('ServiceAccount', failing))).toEqual([]);
  });
});
