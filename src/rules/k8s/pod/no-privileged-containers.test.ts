import { describe, expect, it } from 'vitest';
import { runK8sRule, violationLines } from '../../../../test/support/rules.js';
import { noPrivilegedContainers } from './no-privileged-containers.js';

const pod = (securityContext: string) => `
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
    - name: app
      image: nginx:1.27
${securityContext}
`;

describe('KSV017 no-privileged-containers', () => {
  it.each([
    ['unset', ''],
    ['false', '      securityContext:\n        privileged: false'],
  ])('passes when privileged is %s', (_name, sc) => {
    expect(runK8sRule(noPrivilegedContainers, pod(sc))).toEqual([]);
  });

  it('flags privileged: true on the field line', () => {
    const yaml = pod('      securityContext:\n        privileged: true');
    expect(runK8sRule(noPrivilegedContainers, yaml)).toMatchObject([{ container: 'app' }]);
    expect(violationLines(noPrivilegedContainers, yaml)).toEqual([11]);
  });

  it('visits init and ephemeral containers of every workload kind', () => {
    const yaml = `
apiVersion: batch/v1
kind: CronJob
metadata: { name: c }
spec:
  jobTemplate:
    spec:
      template:
        spec:
          initContainers:
            - name: init
              securityContext: { privileged: true }
          containers:
            - name: app
          ephemeralContainers:
            - name: debug
              securityContext: { privileged: true }
`;
    expect(runK8sRule(noPrivilegedContainers, yaml).map((v) => v.container)).toEqual([
      'init',
      'debug',
    ]);
  });
});
