import { describe, expect, it } from 'vitest';
import { runK8sRule, violationLines } from '../../../../test/support/rules.js';
import { noSystemAuthenticatedBinding } from './no-system-authenticated-binding.js';

const binding = (subject: string) => `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata:
  name: b
subjects:
  - kind: Group
    name: ${subject}
roleRef:
  kind: ClusterRole
  name: view
`;

describe('KSV01011 no-system-authenticated-binding', () => {
  it('flags system:authenticated on the subject', () => {
    const yaml = binding('system:authenticated');
    expect(runK8sRule(noSystemAuthenticatedBinding, yaml)[0].message).toBe(
      "ClusterRoleBinding 'b' should not bind to 'system:authenticated'",
    );
    expect(violationLines(noSystemAuthenticatedBinding, yaml)).toEqual([7]);
  });

  it('passes other groups', () => {
    expect(runK8sRule(noSystemAuthenticatedBinding, binding('developers'))).toEqual([]);
  });
});
