import { describe, expect, it } from 'vitest';
import { runK8sRule, violationLines } from '../../../../test/support/rules.js';
import { noAdminRoleBinding } from './no-admin-role-binding.js';

const binding = (kind: string, role: string) => `apiVersion: rbac.authorization.k8s.io/v1
kind: ${kind}
metadata:
  name: b
  namespace: app
subjects:
  - kind: ServiceAccount
    name: app
roleRef:
  kind: ClusterRole
  name: ${role}
`;

describe('KSV111 no-admin-role-binding', () => {
  it.each(['cluster-admin', 'admin', 'edit'])('flags a binding to %s on roleRef.name', (role) => {
    const yaml = binding('ClusterRoleBinding', role);
    expect(runK8sRule(noAdminRoleBinding, yaml)).toHaveLength(1);
    expect(violationLines(noAdminRoleBinding, yaml)).toEqual([11]);
  });

  it('flags RoleBindings too', () => {
    expect(runK8sRule(noAdminRoleBinding, binding('RoleBinding', 'edit'))[0].message).toBe(
      "RoleBinding 'b' in 'app' namespace should not bind to role 'edit' (one of cluster-admin, admin, edit)",
    );
  });

  it('passes other roles and other kinds', () => {
    expect(runK8sRule(noAdminRoleBinding, binding('RoleBinding', 'view'))).toEqual([]);
    expect(runK8sRule(noAdminRoleBinding, binding('ConfigMap', 'admin'))).toEqual([]);
  });
});
