import { describe, expect, it } from 'vitest';
import { runK8sRule, violationLines } from '../../../../test/support/rules.js';
import { noExecIntoPods } from './no-exec-into-pods.js';

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
    resources: ['pods/exec']
    verbs: ['create']`;

describe('KSV053 no-exec-into-pods', () => {
  it.each([
    `  - apiGroups: ['']
    resources: ['pods/exec']
    verbs: ['get']`,
  ])('passes valid rules (case %#)', (rules) => {
    expect(runK8sRule(noExecIntoPods, role('Role', rules))).toEqual([]);
  });

  it('flags the offending rule entry', () => {
    const yaml = role('Role', failing);
    expect(runK8sRule(noExecIntoPods, yaml)).toMatchObject([{ path: ['rules', 1] }]);
    expect(violationLines(noExecIntoPods, yaml)).toEqual([10]);
  });

  it('ignores other kinds', () => {
    expect(runK8sRule(noExecIntoPods, role('ServiceAccount', failing))).toEqual([]);
  });
});
