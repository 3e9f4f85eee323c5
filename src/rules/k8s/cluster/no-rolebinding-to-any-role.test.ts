import { describe, expect, it } from 'vitest';
import { runK8sRule, violationLines } from '../../../../test/support/rules.js';
import { noRoleBindingToAnyRole } from './no-rolebinding-to-any-role.js';

const role = (rules: string) => `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: r
rules:
${rules}
`;

const createBindings = `  - apiGroups: ['rbac.authorization.k8s.io']
    resources: ['rolebindings']
    verbs: ['create']`;
const bindAny = `  - apiGroups: ['rbac.authorization.k8s.io']
    resources: ['clusterroles']
    verbs: ['bind']
    resourceNames: ['*']`;

describe('KSV051 no-rolebinding-to-any-role', () => {
  it('flags create rolebindings followed by bind on any role, on the first entry', () => {
    const yaml = role(`${createBindings}\n${bindAny}`);
    expect(runK8sRule(noRoleBindingToAnyRole, yaml)).toMatchObject([{ path: ['rules', 0] }]);
    expect(violationLines(noRoleBindingToAnyRole, yaml)).toEqual([6]);
  });

  it.each([
    [
      'bind listed first (Trivy needs the create entry before the bind entry)',
      `${bindAny}\n${createBindings}`,
    ],
    ['bind limited to named roles', `${createBindings}\n${bindAny.replace("['*']", "['view']")}`],
    ['create alone', createBindings],
  ])('passes %s', (_name, rules) => {
    expect(runK8sRule(noRoleBindingToAnyRole, role(rules))).toEqual([]);
  });
});
