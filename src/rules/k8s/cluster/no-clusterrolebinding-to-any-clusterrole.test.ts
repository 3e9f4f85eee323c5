import { describe, expect, it } from 'vitest';
import { runK8sRule, violationLines } from '../../../../test/support/rules.js';
import { noClusterRoleBindingToAnyClusterRole } from './no-clusterrolebinding-to-any-clusterrole.js';

const role = (rules: string) => `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: r
rules:
${rules}
`;

const createBindings = `  - apiGroups: ['rbac.authorization.k8s.io']
    resources: ['clusterrolebindings']
    verbs: ['create']`;
const bindAny = `  - apiGroups: ['rbac.authorization.k8s.io']
    resources: ['clusterroles']
    verbs: ['bind']
    resourceNames: ['*']`;

describe('KSV052 no-clusterrolebinding-to-any-clusterrole', () => {
  it('flags create clusterrolebindings followed by bind on any clusterrole', () => {
    const yaml = role(
      `  - apiGroups: ['']\n    resources: ['pods']\n    verbs: ['get']\n${createBindings}\n${bindAny}`,
    );
    expect(runK8sRule(noClusterRoleBindingToAnyClusterRole, yaml)).toMatchObject([
      { path: ['rules', 1] },
    ]);
    expect(violationLines(noClusterRoleBindingToAnyClusterRole, yaml)).toEqual([9]);
  });

  it.each([
    ['bind limited to named roles', `${createBindings}\n${bindAny.replace("['*']", "['view']")}`],
    [
      'rolebindings instead of clusterrolebindings',
      `${createBindings.replace('clusterrolebindings', 'rolebindings')}\n${bindAny}`,
    ],
  ])('passes %s', (_name, rules) => {
    expect(runK8sRule(noClusterRoleBindingToAnyClusterRole, role(rules))).toEqual([]);
  });
});
