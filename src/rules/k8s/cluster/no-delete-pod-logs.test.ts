import { describe, expect, it } from 'vitest';
import { runK8sRule, violationLines } from '../../../../test/support/rules.js';
import { noDeletePodLogs } from './no-delete-pod-logs.js';

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
    verbs: ['delete']
  - apiGroups: ['']
    resources: ['pods/log']
    verbs: ['deletecollection']`;

describe('KSV042 no-delete-pod-logs', () => {
  it.each([
    `  - apiGroups: ['']
    resources: ['pods/log']
    verbs: ['get', 'list']`,
  ])('passes valid rules (case %#)', (rules) => {
    expect(runK8sRule(noDeletePodLogs, role('Role', rules))).toEqual([]);
  });

  it('flags the offending rule entry', () => {
    const yaml = role('Role', failing);
    expect(runK8sRule(noDeletePodLogs, yaml)).toMatchObject([{ path: ['rules', 1] }]);
    expect(violationLines(noDeletePodLogs, yaml)).toEqual([10]);
  });

  it('ignores other kinds', () => {
    expect(runK8sRule(noDeletePodLogs, role('ServiceAccount', failing))).toEqual([]);
  });
});
