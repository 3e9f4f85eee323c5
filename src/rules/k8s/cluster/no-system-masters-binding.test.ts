import { describe, expect, it } from 'vitest';
import { runK8sRule, violationLines } from '../../../../test/support/rules.js';
import { noSystemMastersBinding } from './no-system-masters-binding.js';

const binding = (subject: string) => `apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata:
  name: b
  namespace: app
subjects:
  - kind: Group
    name: ${subject}
roleRef:
  kind: Role
  name: r
`;

describe('KSV0123 no-system-masters-binding', () => {
  it('flags system:masters on the subject', () => {
    const yaml = binding('system:masters');
    expect(runK8sRule(noSystemMastersBinding, yaml)[0].message).toBe(
      "RoleBinding 'b' in 'app' namespace should not bind to 'system:masters'",
    );
    expect(violationLines(noSystemMastersBinding, yaml)).toEqual([8]);
  });

  it('passes look-alike names', () => {
    expect(runK8sRule(noSystemMastersBinding, binding('system:masters2'))).toEqual([]);
  });
});
