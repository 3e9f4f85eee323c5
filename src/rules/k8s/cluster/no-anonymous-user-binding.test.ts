import { describe, expect, it } from 'vitest';
import { runK8sRule, violationLines } from '../../../../test/support/rules.js';
import { noAnonymousUserBinding } from './no-anonymous-user-binding.js';

const binding = (kind: string, subject: string) => `apiVersion: rbac.authorization.k8s.io/v1
kind: ${kind}
metadata:
  name: b
subjects:
  - kind: ServiceAccount
    name: app
  - kind: Group
    name: ${subject}
roleRef:
  kind: ClusterRole
  name: view
`;

describe('KSV122 no-anonymous-user-binding', () => {
  it.each(['system:anonymous', 'system:unauthenticated'])('flags %s on the subject', (subject) => {
    const yaml = binding('ClusterRoleBinding', subject);
    expect(runK8sRule(noAnonymousUserBinding, yaml)).toMatchObject([
      { path: ['subjects', 1, 'name'] },
    ]);
    expect(violationLines(noAnonymousUserBinding, yaml)).toEqual([9]);
  });

  it('matches the binding kind case-insensitively, as Trivy does', () => {
    expect(
      runK8sRule(noAnonymousUserBinding, binding('ClusterRolebinding', 'system:anonymous')),
    ).toHaveLength(1);
  });

  it('passes other subjects and other kinds', () => {
    expect(
      runK8sRule(noAnonymousUserBinding, binding('RoleBinding', 'system:authenticated')),
    ).toEqual([]);
    expect(runK8sRule(noAnonymousUserBinding, binding('Role', 'system:anonymous'))).toEqual([]);
  });
});
