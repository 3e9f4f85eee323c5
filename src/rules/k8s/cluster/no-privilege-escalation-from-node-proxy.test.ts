import { describe, expect, it } from 'vitest';
import { runK8sRule, violationLines } from '../../../../test/support/rules.js';
import { noPrivilegeEscalationFromNodeProxy } from './no-privilege-escalation-from-node-proxy.js';

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
    resources: ['nodes']
    verbs: ['get']
  - apiGroups: ['']
    resources: ['nodes/proxy']
    verbs: ['get']`;

describe('KSV047 no-privilege-escalation-from-node-proxy', () => {
  it.each([
    `  - apiGroups: ['']
    resources: ['nodes/metrics']
    verbs: ['get']`,
  ])('passes valid rules (case %#)', (rules) => {
    expect(runK8sRule(noPrivilegeEscalationFromNodeProxy, role('ClusterRole', rules))).toEqual([]);
  });

  it('flags the offending rule entry', () => {
    const yaml = role('ClusterRole', failing);
    expect(runK8sRule(noPrivilegeEscalationFromNodeProxy, yaml)).toMatchObject([
      { path: ['rules', 1] },
    ]);
    expect(violationLines(noPrivilegeEscalationFromNodeProxy, yaml)).toEqual([10]);
  });

  it('ignores other kinds', () => {
    expect(runK8sRule(noPrivilegeEscalationFromNodeProxy, role('ServiceAccount', failing))).toEqual(
      [],
    );
  });
});
