import { describe, expect, it } from 'vitest';
import { runK8sRule, violationLines } from '../../../../test/support/rules.js';
import { noUserResourcesInSystemNamespace } from './no-user-resources-in-system-namespace.js';

const pod = (namespace: string, extra = '') => `apiVersion: v1
kind: Pod
metadata:
  name: p
  namespace: ${namespace}
  labels:
    tier: control-plane
    component: kube-apiserver
spec:
${extra}  containers:
    - name: app
      image: nginx:1.27
`;

describe('KSV037 no-user-resources-in-system-namespace', () => {
  it('flags a resource in kube-system on its namespace line', () => {
    const yaml = pod('kube-system');
    expect(runK8sRule(noUserResourcesInSystemNamespace, yaml)[0].message).toBe(
      "Pod 'p' should not be set with 'kube-system' namespace",
    );
    expect(violationLines(noUserResourcesInSystemNamespace, yaml)).toEqual([5]);
  });

  it('flags any kind, not only pods', () => {
    const yaml =
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n  namespace: kube-system\n';
    expect(runK8sRule(noUserResourcesInSystemNamespace, yaml)).toHaveLength(1);
  });

  it('passes control-plane static pods and other namespaces', () => {
    const corePod = pod('kube-system', '  priorityClassName: system-node-critical\n');
    expect(runK8sRule(noUserResourcesInSystemNamespace, corePod)).toEqual([]);
    expect(runK8sRule(noUserResourcesInSystemNamespace, pod('app'))).toEqual([]);
  });
});
